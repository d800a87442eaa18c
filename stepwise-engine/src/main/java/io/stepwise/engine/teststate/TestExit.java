package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.Assignment;
import io.stepwise.asl.model.Catcher;
import io.stepwise.asl.model.ErrorHandling;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.PathSelector;
import io.stepwise.asl.model.ResultTarget;
import io.stepwise.asl.model.Retrier;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.TaskState;
import io.stepwise.engine.run.ErrorMatcher;
import io.stepwise.engine.run.MissingPath;

/**
 * The way out of a tested state, in the order the engine's executions take it (JSONPath:
 * ResultSelector, Assign, ResultPath, OutputPath; JSONata: Assign, Output), recording each
 * stage; and a failure, through the first matching Retry (reported, not waited for) and then
 * Catch.
 */
final class TestExit {
  private TestExit() {}

  /** The ways out, as the engine tells them apart. */
  enum Way {
    /** Pass: the value is its Parameters or Result (JSONata: its input). */
    PASS,
    /** Task, Parallel, Map: the value is the work's result. */
    RESULT,
    /** Choice, Wait, Succeed: the effective input passes on; no ResultPath. */
    INPUT,
    /** A Catch: the error output; ResultPath but no OutputPath. */
    CATCH
  }

  /** Leaves with {@code value}; a failing stage is the state's own failure (Retry, Catch). */
  static StateTestResult leave(TestRun r, Way way, JsonNode value, Assignment assign, Expression output, ResultTarget resultPath,
      String next) {
    try {
      return r.succeeded(output(r, way, value, assign, output, resultPath), next);
    } catch (StatesException e) {
      return fail(r, e.error(), e.cause());
    }
  }

  private static JsonNode output(TestRun r, Way way, JsonNode value, Assignment assign, Expression output, ResultTarget resultPath) {
    if (r.jsonata()) {
      TestScope scope = switch (way) {
        case PASS -> r.scope(r.input);
        case RESULT -> r.withResult(r.input, value);
        case INPUT -> r.scope(value);
        case CATCH -> r.withErrorOutput(r.input, value);
      };
      ObjectNode assigned = assign == null ? null : assign.evaluate(scope);
      JsonNode out = output == null ? value : output.evaluate(scope);
      r.assign(assigned);
      return out;
    }
    JsonNode selected = value;
    if (way == Way.RESULT) {
      Expression selector = resultSelector(r.state);
      selected = selector == null ? value : selector.evaluate(r.scope(value));
      r.afterResultSelector = selected;
    }
    ObjectNode assigned = assign == null ? null : assign.evaluate(r.scope(selected));
    JsonNode out = resultPath(resultPath, r.input, selected);
    if (way != Way.INPUT) {
      r.afterResultPath = out;
    }
    if (way != Way.CATCH) {
      out = select(r.state.common().outputPath(), out, r);
    }
    r.assign(assigned);
    return out;
  }

  /** InputPath or OutputPath: absent keeps the value, null gives {}, a path must find something. */
  static JsonNode select(PathSelector sel, JsonNode value, TestRun r) {
    if (sel == null) {
      return value;
    }
    if (sel.discards()) {
      return Json.NODES.objectNode();
    }
    JsonNode v = sel.select(r.scope(value));
    if (v == null) {
      throw new StatesException(StatesErrors.RUNTIME, MissingPath.describe(sel.path().text(), value));
    }
    return v;
  }

  private static JsonNode resultPath(ResultTarget target, JsonNode rawInput, JsonNode result) {
    if (target == null) {
      return result;
    }
    if (target.discards()) {
      return rawInput;
    }
    return target.path().apply(rawInput, result);
  }

  /**
   * The state failed: the first retrier whose ErrorEquals matches decides whether it would be
   * retried (it has retried {@code retrierRetryCount} times already); else the first matching
   * catcher takes it; else the state fails.
   */
  static StateTestResult fail(TestRun r, String error, String cause) {
    ErrorHandling eh = errorsOf(r.state);
    String name = error == null ? "" : error;
    for (int i = 0; i < eh.retry().size(); i++) {
      Retrier retrier = eh.retry().get(i);
      if (!ErrorMatcher.matches(retrier.errorEquals(), name)) {
        continue;
      }
      if (r.retrierRetryCount < retrier.maxAttempts()) {
        r.errorDetails = new Inspection.ErrorDetails(null, i, backoffSeconds(retrier, r.retrierRetryCount));
        return new StateTestResult(TestStatus.RETRIABLE, null, error, cause, null, r.inspection());
      }
      break;
    }
    for (int i = 0; i < eh.catchers().size(); i++) {
      Catcher c = eh.catchers().get(i);
      if (!ErrorMatcher.matches(c.errorEquals(), name)) {
        continue;
      }
      ObjectNode errorOutput = Json.NODES.objectNode();
      errorOutput.put("Error", error);
      errorOutput.put("Cause", cause == null ? "" : cause);
      r.errorDetails = new Inspection.ErrorDetails(i, null, null);
      try {
        JsonNode out = output(r, Way.CATCH, errorOutput, c.assign(), c.output(), c.resultPath());
        StateTestResult over = r.tooLarge(out);
        return over != null ? over : new StateTestResult(TestStatus.CAUGHT_ERROR, out, error, cause, c.next(), r.inspection());
      } catch (StatesException e) {
        // a Catcher's own failure is not caught again
        return r.failed(e.error(), e.cause());
      }
    }
    return r.failed(error, cause);
  }

  /** IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds, in whole seconds; jitter is not drawn. */
  static int backoffSeconds(Retrier r, int attempt) {
    double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt);
    if (r.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, r.maxDelaySeconds());
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(seconds));
  }

  private static ErrorHandling errorsOf(State s) {
    return switch (s) {
      case TaskState t -> t.errors();
      case ParallelState p -> p.errors();
      case MapState m -> m.errors();
      default -> ErrorHandling.NONE;
    };
  }

  private static Expression resultSelector(State s) {
    return switch (s) {
      case TaskState t -> t.result().resultSelector();
      case ParallelState p -> p.result().resultSelector();
      case MapState m -> m.result().resultSelector();
      default -> null;
    };
  }
}
