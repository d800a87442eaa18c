package io.stepwise.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;

/**
 * A compiled value-producing field (Parameters, ResultSelector, Assign, Arguments, Output, ...):
 * a JSONPath payload template or a JSONata template. Compiled when the definition loads.
 */
@FunctionalInterface
public interface Expression {
  JsonNode evaluate(Scope scope);

  /**
   * The JSONata source of a field that is one {@code {% %}} expression (the text between the
   * delimiters), which the causes of a wrong value quote; else the field's text as written, or
   * null when it has none.
   */
  default String text() {
    return null;
  }

  /** This expression, quoted in causes as {@code text}. */
  static Expression withText(Expression e, String text) {
    return new Expression() {
      @Override
      public JsonNode evaluate(Scope scope) {
        return e.evaluate(scope);
      }

      @Override
      public String text() {
        return text;
      }
    };
  }
}
