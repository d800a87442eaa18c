package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.path.JsonPath;
import io.stepwise.asl.path.PathErrors;

/** A value expression that is a path. */
record PathValue(JsonPath path) implements ValueExpression {
  @Override
  public String text() {
    return path.text();
  }

  @Override
  public JsonNode evaluate(Scope scope, String fieldName) {
    JsonNode v = path.read(scope);
    if (v == null) {
      throw PathErrors.notFound(path, fieldName, scope);
    }
    return v;
  }
}
