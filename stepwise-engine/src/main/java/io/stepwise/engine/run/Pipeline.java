package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.PathSelector;
import io.stepwise.asl.model.ResultTarget;

/**
 * The JSONPath-mode input and output processing steps as pure functions: InputPath, Parameters,
 * ResultSelector, ResultPath, OutputPath. The bodies apply the input steps; {@link StateExit}
 * alone orders the output ones.
 */
final class Pipeline {
  private Pipeline() {}

  /** InputPath: absent selects the whole input; null passes {}; a path must find a value. */
  static JsonNode inputPath(PathSelector sel, JsonNode raw, Frame f) {
    return select(sel, raw, f);
  }

  /** OutputPath: the same rules as InputPath, applied to the state's output. */
  static JsonNode outputPath(PathSelector sel, JsonNode value, Frame f) {
    return select(sel, value, f);
  }

  // Scopes are made only when a field is present: most states have no InputPath or OutputPath.
  private static JsonNode select(PathSelector sel, JsonNode value, Frame f) {
    if (sel == null) {
      return value;
    }
    if (sel.discards()) {
      return Json.NODES.objectNode();
    }
    JsonNode v = sel.select(f.scope(value));
    if (v == null) {
      throw new StatesException(StatesErrors.RUNTIME, MissingPath.describe(sel.path().text(), value));
    }
    return v;
  }

  /** Parameters (or ResultSelector): absent leaves the value as it is. */
  static JsonNode template(Expression template, JsonNode value, Frame f) {
    return template == null ? value : template.evaluate(f.scope(value));
  }

  /** ResultPath: absent replaces the input with the result; null keeps the input. */
  static JsonNode resultPath(ResultTarget target, JsonNode rawInput, JsonNode result) {
    if (target == null) {
      return result;
    }
    if (target.discards()) {
      return rawInput;
    }
    return target.path().apply(rawInput, result);
  }
}
