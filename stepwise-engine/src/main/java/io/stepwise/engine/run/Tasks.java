package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.model.StateCommon;
import io.stepwise.asl.model.TaskState;
import io.stepwise.asl.model.TimeLimit;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
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
    EvalScope scope = f.scope(in);
    JsonNode params = Pipeline.template(t.parameters(), in, f);
    if (f.exec.config.checksPayloads() && Payloads.exceeds(params, f.exec.config.payloadLimit())) {
      // AWS: an input over the quota after Parameters is a terminal States.DataLimitExceeded
      f.fail(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + t.name()
          + "' has an input, after Parameters or Arguments, with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    Long timeout = seconds(t.timeout(), scope);
    Long heartbeat = seconds(t.heartbeat(), scope);
    ResourceKind kind = f.exec.kindOf(t);
    if (kind.resource().endsWith(".waitForTaskToken")) {
      f.taskToken = f.exec.newTaskToken();
    }
    EventDetails details =
        kind.type() == ResourceKind.Type.LAMBDA_FUNCTION
            ? new EventDetails.LambdaScheduled(t.resource(), params, timeout)
            : new EventDetails.TaskScheduled(
                resourceType(kind), kind.resource(), f.exec.config.region(), params, timeout, heartbeat);
    EventType type = kind.type() == ResourceKind.Type.LAMBDA_FUNCTION ? EventType.LambdaFunctionScheduled : EventType.TaskScheduled;
    long id = f.exec.append(f, type, details);
    TaskRequest request = new TaskRequest(t.resource(), params, t.name(), f.exec.info.executionArn, scope.context(), f.taskToken);
    PendingTask p = new PendingTask(id, f, kind, request, timeout);
    f.pending = p;
    f.waiting = true;
    f.exec.register(p);
  }

  static String resourceType(ResourceKind kind) {
    return kind.resourceType() != null ? kind.resourceType() : kind.type() == ResourceKind.Type.ACTIVITY ? "activity" : "custom";
  }

  private static Long seconds(TimeLimit limit, Scope scope) {
    if (limit == null) {
      return null;
    }
    return switch (limit) {
      case TimeLimit.Fixed fx -> fx.seconds();
      case TimeLimit.FromPath p -> positive(p.path().read(scope), p.field(), p.path().text());
      case TimeLimit.FromExpression e -> positive(e.expression().evaluate(scope), e.field(), e.field());
    };
  }

  private static Long positive(JsonNode v, String field, String path) {
    if (v == null || !v.canConvertToExactIntegral() || v.asLong() <= 0) {
      throw new StatesException(
          StatesErrors.RUNTIME, "The " + field + " field references an invalid value: " + path + " must be a positive integer");
    }
    return v.asLong();
  }

  static void started(PendingTask p) {
    Frame f = p.frame;
    EventDetails d =
        p.kind.type() == ResourceKind.Type.LAMBDA_FUNCTION
            ? EventDetails.NONE
            : new EventDetails.TaskStarted(resourceType(p.kind), p.kind.resource());
    EventType type = p.kind.type() == ResourceKind.Type.LAMBDA_FUNCTION ? EventType.LambdaFunctionStarted : EventType.TaskStarted;
    p.startedEventId = f.exec.append(f, type, d);
    if (p.timeoutSeconds != null) {
      f.timer = f.exec.timer(Timer.Kind.TASK_TIMEOUT, f.exec.lastTimestamp() + p.timeoutSeconds * 1000, f, p);
    }
  }

  static void succeeded(PendingTask p, JsonNode output) {
    if (p.then != null) {
      MapRunCalls.succeeded(p, output);
      return;
    }
    Frame f = p.frame;
    settle(p);
    boolean lambda = p.kind.type() == ResourceKind.Type.LAMBDA_FUNCTION;
    if (f.exec.config.checksPayloads() && Payloads.exceeds(output, f.exec.config.payloadLimit())) {
      failed(p, StatesErrors.DATA_LIMIT_EXCEEDED,
          "The state/task '" + (p.kind.type() == ResourceKind.Type.SERVICE ? p.kind.resourceType() : p.request.resource()) + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return;
    }
    f.exec.append(
        f,
        lambda ? EventType.LambdaFunctionSucceeded : EventType.TaskSucceeded,
        lambda ? new EventDetails.LambdaSucceeded(output) : new EventDetails.TaskSucceeded(resourceType(p.kind), p.kind.resource(), output));
    States.complete(f, output);
  }

  static void failed(PendingTask p, String error, String cause) {
    if (p.then != null) {
      MapRunCalls.failed(p, error, cause);
      return;
    }
    Frame f = p.frame;
    settle(p);
    boolean lambda = p.kind.type() == ResourceKind.Type.LAMBDA_FUNCTION;
    f.exec.append(
        f,
        lambda ? EventType.LambdaFunctionFailed : EventType.TaskFailed,
        lambda ? new EventDetails.LambdaFailed(error, cause) : new EventDetails.TaskFailed(resourceType(p.kind), p.kind.resource(), error, cause));
    Failures.handle(f, error, cause);
  }

  static void timedOut(PendingTask p) {
    Frame f = p.frame;
    f.exec.cancel(p);
    settle(p);
    boolean lambda = p.kind.type() == ResourceKind.Type.LAMBDA_FUNCTION;
    f.exec.append(
        f,
        lambda ? EventType.LambdaFunctionTimedOut : EventType.TaskTimedOut,
        lambda ? new EventDetails.LambdaFailed(StatesErrors.TIMEOUT, null)
            : new EventDetails.TaskFailed(resourceType(p.kind), p.kind.resource(), StatesErrors.TIMEOUT, null));
    Failures.handle(f, StatesErrors.TIMEOUT, null);
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
  }
}
