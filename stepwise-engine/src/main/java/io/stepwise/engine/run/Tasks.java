package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.StateCommon;
import io.stepwise.asl.model.TaskState;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.step.TimerKind;
import io.stepwise.engine.task.TaskRequest;

/**
 * A Task state's life: scheduled (an event and a pending task), started, then succeeded, failed
 * or timed out. Lambda function ARNs record LambdaFunction* events; everything else Task* events.
 */
final class Tasks {
  private Tasks() {}

  static void schedule(Frame f, TaskState t) {
    StateCommon c = t.common();
    JsonNode in = Pipeline.inputPath(c.inputPath(), f.input, f);
    ResourceArn kind = t.resourceArn();
    if (kind.resource().endsWith(".waitForTaskToken")) {
      // before Parameters or Arguments: they pass $$.Task.Token (or $states.context.Task.Token) on
      f.taskToken = f.exec.newTaskToken();
    }
    EvalScope scope = f.scope(in);
    JsonNode params = Pipeline.template(t.parameters(), in, f);
    long checked = f.exec.info.checksPayloads() ? Payloads.check(params, f.exec.info.payloadLimit) : 0;
    if (checked == Payloads.TOO_LARGE) {
      // AWS: an input over the quota after Parameters is a terminal States.DataLimitExceeded
      f.fail(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + t.name()
          + "' has an input, after Parameters or Arguments, with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    if (checked == Payloads.TOO_DEEP) {
      f.fail(StatesErrors.RUNTIME, Payloads.tooDeep("The state/task '" + t.name() + "' has an input, after Parameters or Arguments,"));
      return;
    }
    Long timeout = RuntimeValues.timeLimit(t.timeout(), scope);
    Long heartbeat = RuntimeValues.timeLimit(t.heartbeat(), scope);
    // numbered before anything is recorded, so a test case the configuration lost fails the state, not half a task
    io.stepwise.engine.mock.MockCall mock = f.exec.mockCall(t.name());
    TaskEvents events = TaskEvents.of(kind);
    String token = f.taskToken;
    EventDetails details = switch (events) {
      case LAMBDA -> new EventDetails.LambdaScheduled(t.resource(), params, timeout);
      // a worker receives the token from GetActivityTask; the state's own context has none
      case ACTIVITY -> {
        token = f.exec.newTaskToken();
        yield new EventDetails.ActivityScheduled(t.resource(), params, timeout, heartbeat);
      }
      case TASK -> {
        if (kind.resource().endsWith(".sync") || kind.resource().endsWith(".sync:2")) {
          // a job's end answers the task by this token (a nested execution's, say); the state's own
          // context has none, as AWS gives $$.Task.Token to callback tasks only
          token = f.exec.newTaskToken();
        }
        yield new EventDetails.TaskScheduled(resourceType(kind), kind.resource(), f.exec.info.region(), params, timeout, heartbeat);
      }
    };
    long id = f.exec.append(f, events.scheduled, details);
    TaskRequest request = new TaskRequest(t.resource(), params, t.name(), f.exec.info.executionArn, scope.context(), token);
    PendingTask p = new PendingTask(id, f, kind, request, timeout, heartbeat);
    p.mock = mock;
    f.pending = p;
    f.waiting = true;
    f.exec.register(p);
  }

  static String resourceType(ResourceArn kind) {
    return kind.resourceType() != null ? kind.resourceType() : kind.type() == ResourceArn.Type.ACTIVITY ? "activity" : "custom";
  }

  /**
   * The task runs: for most, in the step that scheduled it; for an activity, when a worker takes
   * it. Its TimeoutSeconds and HeartbeatSeconds count from here, as AWS documents.
   */
  static void started(PendingTask p, String workerName) {
    Frame f = p.frame;
    TaskEvents events = TaskEvents.of(p.kind);
    EventDetails d = switch (events) {
      case LAMBDA -> EventDetails.NONE;
      case ACTIVITY -> new EventDetails.ActivityStarted(workerName);
      case TASK -> new EventDetails.TaskStarted(resourceType(p.kind), p.kind.resource());
    };
    p.startedEventId = f.exec.append(f, events.started, d);
    f.exec.markStarted(p);
    long started = f.exec.lastTimestamp();
    if (p.timeoutSeconds != null) {
      f.timer = f.exec.timer(TimerKind.TASK_TIMEOUT, started + p.timeoutSeconds * 1000, f, p);
    }
    if (p.isCallback() && p.heartbeatSeconds != null
        && (p.timeoutSeconds == null || p.heartbeatSeconds < p.timeoutSeconds)) {
      // a callback must send SendTaskHeartbeat within HeartbeatSeconds, each time again
      p.heartbeatTimer = f.exec.timer(TimerKind.HEARTBEAT_TIMEOUT, started + p.heartbeatSeconds * 1000, f, p);
    }
  }

  /**
   * A .waitForTaskToken task's call was made (its message sent): TaskSubmitted with the service's
   * answer, and the task goes on waiting, for its callback or its timeouts, which keep counting
   * from its start.
   */
  static void submitted(PendingTask p, JsonNode output) {
    p.submitted = true;
    p.submittedEventId = p.frame.exec.append(p.frame, EventType.TaskSubmitted,
        new EventDetails.TaskSucceeded(resourceType(p.kind), p.kind.resource(), output));
    p.frame.exec.markSubmitted(p);
  }

  /** A heartbeat for a callback task: its HeartbeatSeconds start again from now. */
  static void heartbeat(PendingTask p) {
    if (p.heartbeatTimer == null) {
      return;
    }
    Execution exec = p.frame.exec;
    p.heartbeatTimer = exec.timers.reschedule(p.heartbeatTimer, exec.now() + p.heartbeatSeconds * 1000);
  }

  static void succeeded(PendingTask p, JsonNode output) {
    if (p.then != null) {
      MapRunCalls.succeeded(p, output);
      return;
    }
    Frame f = p.frame;
    settle(p);
    TaskEvents events = TaskEvents.of(p.kind);
    long checked = f.exec.info.checksPayloads() ? Payloads.check(output, f.exec.info.payloadLimit) : 0;
    if (checked == Payloads.TOO_LARGE) {
      failed(p, StatesErrors.DATA_LIMIT_EXCEEDED,
          "The state/task '" + (p.kind.type() == ResourceArn.Type.SERVICE ? p.kind.resourceType() : p.request.resource()) + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    if (checked == Payloads.TOO_DEEP) {
      // the handler's value could not be recorded in the history; the task fails as a malformed response would
      failed(p, StatesErrors.RUNTIME, Payloads.tooDeep("The task '" + p.request.stateName() + "' returned a result"));
      return;
    }
    f.exec.append(f, events.succeeded, events == TaskEvents.TASK
        ? new EventDetails.TaskSucceeded(resourceType(p.kind), p.kind.resource(), output) : new EventDetails.LambdaSucceeded(output));
    States.complete(f, output);
  }

  static void failed(PendingTask p, String error, String cause) {
    if (p.then != null) {
      MapRunCalls.failed(p, error, cause);
      return;
    }
    Frame f = p.frame;
    settle(p);
    f.exec.append(f, TaskEvents.of(p.kind).failed, failure(p, error, cause));
    Failures.handle(f, error, cause);
  }

  /** The task's TimeoutSeconds (States.Timeout) or HeartbeatSeconds (States.HeartbeatTimeout) passed. */
  static void timedOut(PendingTask p, String error) {
    Frame f = p.frame;
    f.exec.cancel(p);
    settle(p);
    f.exec.append(f, TaskEvents.of(p.kind).timedOut, failure(p, error, null));
    Failures.handle(f, error, null);
  }

  private static EventDetails failure(PendingTask p, String error, String cause) {
    return TaskEvents.of(p.kind) == TaskEvents.TASK
        ? new EventDetails.TaskFailed(resourceType(p.kind), p.kind.resource(), error, cause)
        : new EventDetails.LambdaFailed(error, cause);
  }

  private static void settle(PendingTask p) {
    Frame f = p.frame;
    p.done = true;
    f.pending = null;
    f.waiting = false;
    f.taskToken = null;
    if (f.timer != null) {
      f.exec.cancel(f.timer);
      f.timer = null;
    }
    f.exec.forget(p);
    p.cancelHeartbeat();
  }
}
