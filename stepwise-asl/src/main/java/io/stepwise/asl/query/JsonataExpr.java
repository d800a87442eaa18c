package io.stepwise.asl.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.jsonata.JsonataExpression;

/**
 * One {@code {% %}} expression in a JSONata-mode field, parsed when the definition loads. The
 * commonest shapes (paths, {@code $exists}, comparisons with a literal, {@code &} joins) are
 * answered straight from the JSON tree by {@link FastForm}; everything else goes to the library
 * through {@link JsonataExpression}, which bounds the evaluation and turns every failure into
 * States.QueryEvaluationError with AWS's cause.
 */
public final class JsonataExpr {
  private final JsonataExpression compiled;
  private final FastForm simple;

  private JsonataExpr(JsonataExpression compiled) {
    this.compiled = compiled;
    this.simple = FastForm.of(compiled.text());
  }

  /** Parses the text between {@code {%} and {@code %}}. */
  public static JsonataExpr compile(String text) throws ExpressionSyntaxException {
    return new JsonataExpr(JsonataExpression.compile(text));
  }

  public String text() {
    return compiled.text();
  }

  /**
   * The value, or Java null when the expression returns nothing (undefined).
   *
   * @param field where the expression stands, e.g. "Output" or "Arguments/name", for messages
   */
  public JsonNode evaluate(Scope scope, String field) {
    if (simple != null) {
      JsonNode v = simple.read(scope);
      if (v != SimplePath.DECLINED) {
        return v;
      }
    }
    return compiled.evaluate(scope, scope.clock(), field);
  }

  /** Like {@link #evaluate}, but nothing (undefined) is an error, as AWS reports it. */
  public JsonNode evaluateRequired(Scope scope, String field) {
    JsonNode v = evaluate(scope, field);
    if (v == null) {
      throw compiled.returnedNothing(field);
    }
    return v;
  }

  /** AWS's failure for a value of the wrong type, e.g. Items that is not an array. */
  public io.stepwise.asl.error.StatesException unexpectedType(String field, String expectedType, JsonNode value) {
    return compiled.unexpectedType(field, expectedType, value);
  }
}
