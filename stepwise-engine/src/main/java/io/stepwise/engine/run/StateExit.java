package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.model.Assignment;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.ResultTarget;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.TaskState;

/**
 * How every state leaves, for both query languages: the output stages in AWS's order, then the
 * Exited event and the next state ({@link Frame#exit}). Callers say what is theirs: the value,
 * the Assign, Output, ResultPath and Next in force (a matched Choice rule's, a Catcher's, the
 * state's); the {@link Way} says which stages there are.
 *
 * <p>JSONPath: ResultSelector, Assign, ResultPath, OutputPath, evaluated in that order, so the
 * first bad field is the one reported. Assign sees the value before ResultPath places it.
 * JSONata: Assign, then Output (absent: the value goes on), over {@code $states.input} and
 * {@code $states.result} or {@code $states.errorOutput}. Either way the variables assigned are
 * set only on exit, so every stage reads them as they were when the state was entered.
 */
final class StateExit {
  private StateExit() {}

  /** The ways out AWS tells apart. */
  enum Way {
    /** Pass: the value is its Parameters or Result (JSONata: its input). */
    PASS,
    /** Task, Parallel, Map: the value is the work's result; ResultSelector first; JSONata adds $states.result. */
    RESULT,
    /** Choice, Wait, Succeed: the value is the effective input, passed on; no ResultPath. */
    INPUT,
    /** A Catch: the value is the error output; ResultPath but no OutputPath; JSONata adds $states.errorOutput. */
    CATCH
  }

  /**
   * Leaves the current state with {@code value}. A failing stage is the state's own failure
   * (Retry, Catch), except in a Catch, whose failure is not caught again: the frame fails.
   *
   * @param assign the Assign in force, or null
   * @param output the JSONata Output in force, or null
   * @param resultPath the JSONPath ResultPath in force, or null (the value replaces the input)
   * @param next the next state, or null to end the frame
   */
  static void leave(Frame f, Way way, JsonNode value, Assignment assign, Expression output, ResultTarget resultPath, String next) {
    try {
      if (f.jsonata()) {
        jsonata(f, way, value, assign, output, next);
      } else {
        jsonPath(f, way, value, assign, resultPath, next);
      }
    } catch (StatesException e) {
      if (way == Way.CATCH) {
        f.fail(e.error(), Failures.describe(f, e));
      } else {
        f.raise(e);
      }
    }
  }

  private static void jsonPath(Frame f, Way way, JsonNode value, Assignment assign, ResultTarget resultPath, String next) {
    JsonNode selected = way == Way.RESULT ? Pipeline.template(resultSelector(f.state), value, f) : value;
    ObjectNode assigned = f.assign(assign, selected);
    JsonNode out = Pipeline.resultPath(resultPath, f.input, selected);
    if (way != Way.CATCH) {
      out = Pipeline.outputPath(f.state.common().outputPath(), out, f);
    }
    f.exit(out, assigned, next);
  }

  private static void jsonata(Frame f, Way way, JsonNode value, Assignment assign, Expression output, String next) {
    // a scope only when a field reads one: most states have neither Assign nor Output
    EvalScope scope = assign == null && output == null ? null : scope(f, way, value);
    ObjectNode assigned = f.assign(assign, scope);
    f.exit(output == null ? value : output.evaluate(scope), assigned, next);
  }

  private static EvalScope scope(Frame f, Way way, JsonNode value) {
    return switch (way) {
      case PASS -> f.scope(f.input);
      case RESULT -> f.scope(f.input).withResult(value);
      case INPUT -> f.scope(value); // the effective input, which a JSONata state (no InputPath) has as it came
      case CATCH -> f.scope(f.input).withErrorOutput(value);
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
