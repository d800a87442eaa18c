package io.stepwise.asl.expr;

/** A path, intrinsic call or template that cannot be compiled; the message says what is wrong. */
public class ExpressionSyntaxException extends IllegalArgumentException {
  public ExpressionSyntaxException(String message) {
    super(message);
  }

  /** An expression as a message quotes it: a runaway one by its start, so the message stays one readable line. */
  public static String excerpt(String text) {
    return text.length() <= 200 ? text : text.substring(0, 160) + "... (" + text.length() + " characters)";
  }
}
