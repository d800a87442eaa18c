package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.TaskState;
import io.stepwise.engine.Engine;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.teststate.StateTest;
import io.stepwise.engine.teststate.StateTestResult;
import io.stepwise.engine.teststate.StateTester;
import io.stepwise.integrations.http.HttpExchange;
import io.stepwise.integrations.http.HttpInvoke;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TRACE for an HTTP Task: the call is made by the engine's own HTTP Task handler, asked to hand
 * over what went over the wire, which TestState answers as inspectionData.request and .response.
 * Stepwise's HTTP Task adds nothing from an EventBridge connection (it uses none), so there is no
 * secret to hide and {@code revealSecrets} changes nothing shown.
 */
final class HttpTraces {
  /** What went over the wire; response null when no answer came. */
  record Trace(HttpExchange exchange) {}

  record Traced(StateTestResult result, Trace trace) {}

  private final HttpInvoke handler;

  HttpTraces(Engine engine) {
    HttpInvoke found = null;
    for (TaskHandler h : engine.config().handlers()) {
      if (h instanceof HttpInvoke http) {
        found = http;
        break;
      }
    }
    this.handler = found;
  }

  /** Whether TRACE can show this Task's HTTP request: an HTTP Task, with the engine's HTTP handler answering it. */
  boolean traces(TaskState task) {
    return handler != null && HttpInvoke.RESOURCE.equals(task.resource());
  }

  Traced call(StateTest test, StateTester tester) {
    AtomicReference<HttpExchange> seen = new AtomicReference<>();
    StateTestResult result = tester.test(test, task -> {
      long id = task.scheduledEventId();
      try {
        JsonNode out = handler.invoke(task.request(), seen::set);
        return new StepInput.TaskSucceeded(id, out == null ? Json.NODES.nullNode() : out);
      } catch (TaskFailure f) {
        return new StepInput.TaskFailed(id, f.error(), f.cause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new StepInput.TaskFailed(id, "States.TaskFailed", "The task was interrupted");
      }
    });
    return new Traced(result, seen.get() == null ? null : new Trace(seen.get()));
  }
}
