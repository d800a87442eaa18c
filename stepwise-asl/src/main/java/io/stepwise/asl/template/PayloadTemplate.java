package io.stepwise.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;

/** STUB: replaced by the implementation. */
public final class PayloadTemplate {
  public static PayloadTemplate compile(JsonNode template) throws ExpressionSyntaxException {
    throw new UnsupportedOperationException("TODO");
  }

  public JsonNode evaluate(Scope scope) {
    throw new UnsupportedOperationException("TODO");
  }
}
