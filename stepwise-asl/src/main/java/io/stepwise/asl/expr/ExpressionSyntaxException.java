package io.stepwise.asl.expr;

/** A path, intrinsic call or template that cannot be compiled; the message says what is wrong. */
public class ExpressionSyntaxException extends IllegalArgumentException {
  public ExpressionSyntaxException(String message) {
    super(message);
  }
}
