package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** STUB: replaced by the implementation. */
public interface ValueExpression {
  static ValueExpression compile(String text) throws ExpressionSyntaxException {
    throw new UnsupportedOperationException("TODO");
  }

  String text();

  JsonNode evaluate(Scope scope, String fieldName);
}
