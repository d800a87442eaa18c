package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.intrinsic.IntrinsicCall;

/** A value expression that is an intrinsic call. */
record IntrinsicValue(IntrinsicCall call) implements ValueExpression {
  @Override
  public String text() {
    return call.text();
  }

  @Override
  public JsonNode evaluate(Scope scope, String fieldName) {
    return call.evaluate(scope, fieldName);
  }
}
