package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.intrinsic.IntrinsicCall;
import io.stepwise.asl.path.JsonPath;

/**
 * The value of a {@code "key.$"} field in a JSONPath-mode payload template (Parameters,
 * ResultSelector, ItemSelector, Assign) or of Fail's ErrorPath and CausePath: a path over the
 * input ({@code $...}), the context object ({@code $$...}) or a variable ({@code $name...}), or an
 * intrinsic call ({@code States.X(...)}).
 */
public interface ValueExpression {

  static ValueExpression compile(String text) throws ExpressionSyntaxException {
    if (text != null && text.startsWith("$")) {
      return new PathValue(JsonPath.compile(text));
    }
    if (text != null && IntrinsicCall.looksLikeCall(text)) {
      return new IntrinsicValue(IntrinsicCall.compile(text));
    }
    throw new ExpressionSyntaxException(
        "'" + text + "' is neither a JSONPath (starting with '$') nor an intrinsic function call");
  }

  /** The expression as written. */
  String text();

  /**
   * The value. A definite path that selects nothing fails with States.Runtime naming {@code
   * fieldName} as written (for example {@code value.$} or {@code ErrorPath}); an indefinite path
   * gives the array of its matches.
   */
  JsonNode evaluate(Scope scope, String fieldName);
}
