package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;

/**
 * A compiled intrinsic function call such as {@code States.Format('{} items', $.count)}, with
 * nested calls and path arguments compiled too. Argument types are checked when the call runs
 * (States.IntrinsicFailure); names, syntax and argument counts when it is compiled.
 */
public final class IntrinsicCall {
  private final String text;
  private final Arg.Call call;

  private IntrinsicCall(String text, Arg.Call call) {
    this.text = text;
    this.call = call;
  }

  public static IntrinsicCall compile(String text) throws ExpressionSyntaxException {
    return new IntrinsicCall(text, IntrinsicParser.parse(text));
  }

  /** Whether {@code text} is meant as an intrinsic call (it may still be malformed). */
  public static boolean looksLikeCall(String text) {
    return text.startsWith("States.");
  }

  public String text() {
    return text;
  }

  /**
   * Runs the call. {@code field} is the payload field being computed, as AWS names it in errors
   * (for example {@code value.$}).
   *
   * @throws io.stepwise.asl.error.StatesException States.IntrinsicFailure for bad arguments,
   *     States.Runtime for a path argument that selects nothing
   */
  public JsonNode evaluate(Scope scope, String field) {
    return call.value(scope, field);
  }

  @Override
  public String toString() {
    return text;
  }
}
