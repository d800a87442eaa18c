package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;

/** STUB: replaced by the JSONPath implementation. */
public final class JsonPath {
  public static JsonPath compile(String text) throws ExpressionSyntaxException {
    throw new UnsupportedOperationException("TODO");
  }

  public String text() {
    throw new UnsupportedOperationException("TODO");
  }

  public boolean isDefinite() {
    throw new UnsupportedOperationException("TODO");
  }

  public JsonNode read(Scope scope) {
    throw new UnsupportedOperationException("TODO");
  }
}
