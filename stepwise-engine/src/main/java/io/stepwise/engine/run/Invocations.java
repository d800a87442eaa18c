package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.mock.MockAnswer;
import io.stepwise.engine.mock.MockCall;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskInvoker;
import io.stepwise.engine.task.TaskRequest;

/**
 * Runs one pending task through whatever answers its resource and turns the result or failure
 * into an outcome. Who answers, first match wins: the mock, when the execution's test case mocks
 * the task's state ({@code Command.ScheduleTask.mock()}), then the {@link TaskInvoker} registered
 * for the exact ARN, then each {@link TaskHandler} in the order added, then the fallback. The engine
 * knows no service; what a service returns is its handler's business.
 */
final class Invocations {
  private final EngineConfig config;

  Invocations(EngineConfig config) {
    this.config = config;
  }

  PendingTask.Outcome invoke(Command.ScheduleTask task) {
    long id = task.scheduledEventId();
    try {
      JsonNode out = call(task);
      return new PendingTask.Outcome(id, out == null ? Json.NODES.nullNode() : out, null, null, submits(task));
    } catch (TaskFailure f) {
      return new PendingTask.Outcome(id, null, f.error(), f.cause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PendingTask.Outcome(id, null, "States.TaskFailed", "The task was interrupted");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // an Error too: a handler that recurses without end or runs out of memory fails its task (as
      // a Lambda function's crash does) instead of taking the thread down with the task's outcome
      String msg = e.getMessage() == null ? "" : e.getMessage();
      return new PendingTask.Outcome(id, null, e.getClass().getSimpleName(), msg);
    }
  }

  /** The task ended without its outcome: its handler, if one answers it, is asked to stop its work (an exact-ARN invoker or a mock is not). */
  void cancel(Command.CancelTask task) {
    if (task.mock() != null || config.invokers().containsKey(task.request().resource())) {
      return;
    }
    for (TaskHandler h : config.handlers()) {
      if (h.handles(task.resource(), task.request())) {
        h.cancel(task.resource(), task.request());
        return;
      }
    }
  }

  /** Whether anything answers the task: its mock, an invoker for its ARN, a handler, or the fallback. */
  boolean answers(Command.ScheduleTask task) {
    return task.isMocked()
        || config.invokers().containsKey(task.request().resource())
        || handlerFor(task) != null
        || config.fallback() != null;
  }

  /** Whether the task is a callback that its handler only hands on (TaskHandler.submits): its answer is TaskSubmitted. */
  private boolean submits(Command.ScheduleTask task) {
    if (!task.isCallback() || task.isMocked() || config.invokers().containsKey(task.request().resource())) {
      return false;
    }
    TaskHandler h = handlerFor(task);
    return h != null && h.submits(task.resource(), task.request());
  }

  private JsonNode call(Command.ScheduleTask task) throws Exception {
    TaskRequest req = task.request();
    if (task.isMocked()) {
      return mocked(task);
    }
    TaskInvoker exact = config.invokers().get(req.resource());
    if (exact != null) {
      return exact.invoke(req);
    }
    TaskHandler handler = handlerFor(task);
    if (handler != null) {
      return handler.invoke(task.resource(), req);
    }
    if (config.fallback() != null) {
      return config.fallback().invoke(req);
    }
    throw new TaskFailure(
        "States.TaskFailed", "No handler is registered for the resource '" + req.resource() + "'");
  }

  /**
   * A mock's answer: its Return, or its Throw as the task's failure. A call no range of its response
   * covers fails with States.Runtime, which no Retry or Catch takes: the execution fails, as Step
   * Functions Local's does.
   */
  private JsonNode mocked(Command.ScheduleTask task) {
    MockCall m = task.mock();
    if (config.mocks().response(m.response()).isEmpty()) {
      throw new TaskFailure("States.Runtime", "The state '" + task.request().stateName() + "' of the test case '" + m.testCase()
          + "' is mocked by the response '" + m.response() + "', which the mock configuration does not hold");
    }
    return switch (config.mocks().answer(m).orElseThrow(() -> new TaskFailure("States.Runtime",
        "The mocked response '" + m.response() + "' of the state '" + task.request().stateName() + "' (test case '" + m.testCase()
            + "') has no answer for call " + m.call() + " (calls are counted from 0; every call of a mocked state needs one)"))) {
      case MockAnswer.Return r -> r.value().deepCopy(); // the configuration's own stays as read
      case MockAnswer.Throw t -> throw new TaskFailure(t.error(), t.cause());
    };
  }

  private TaskHandler handlerFor(Command.ScheduleTask task) {
    for (TaskHandler h : config.handlers()) {
      if (h.handles(task.resource(), task.request())) {
        return h;
      }
    }
    return null;
  }
}
