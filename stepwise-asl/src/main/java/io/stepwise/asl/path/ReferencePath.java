package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;

/** STUB: replaced by the implementation. */
public final class ReferencePath {
  public static ReferencePath compile(String text) throws ExpressionSyntaxException {
    throw new UnsupportedOperationException("TODO");
  }

  public String text() {
    throw new UnsupportedOperationException("TODO");
  }

  public JsonNode apply(JsonNode target, JsonNode value) {
    throw new UnsupportedOperationException("TODO");
  }
}
