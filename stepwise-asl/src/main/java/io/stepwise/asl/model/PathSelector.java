package io.stepwise.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.path.JsonPath;

/**
 * An InputPath or OutputPath that is present in the definition. An absent field means {@code $}
 * (the whole value) and is modelled as a null selector; a JSON null here means "pass {}".
 *
 * @param path the compiled path, or null for a JSON null field
 */
public record PathSelector(JsonPath path) {
  public boolean discards() {
    return path == null;
  }

  /** The selected value, or Java null when a definite path finds nothing. */
  public JsonNode select(Scope scope) {
    return path.read(scope);
  }
}
