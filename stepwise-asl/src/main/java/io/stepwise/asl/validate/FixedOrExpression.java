package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.QueryLanguage;
import java.math.BigDecimal;

/**
 * Fields that hold a constant in JSONPath mode, and a constant or a JSONata expression in JSONata
 * mode (TimeoutSeconds, Seconds, MaxConcurrency, ToleratedFailurePercentage, MaxItems, ...).
 */
final class FixedOrExpression {
  private FixedOrExpression() {}

  /** An integer in [min, max], or in JSONata mode an expression; the fixed value, else null. */
  static BigDecimal integer(Site s, String field, long min, long max, QueryLanguage ql) {
    JsonNode v = s.get(field);
    if (v == null || isExpression(s, field, ql, "an integer")) {
      return null;
    }
    return s.integer(field, min, max);
  }

  /** A number in [min, max], or in JSONata mode an expression. */
  static BigDecimal number(Site s, String field, BigDecimal min, BigDecimal max, QueryLanguage ql) {
    JsonNode v = s.get(field);
    if (v == null || isExpression(s, field, ql, "a number")) {
      return null;
    }
    return s.number(field, min, max);
  }

  /**
   * In JSONata mode, checks a non-constant value as an expression and returns true; a value of
   * neither kind is reported as such. Returns false when the value is to be checked as a constant.
   */
  static boolean isExpression(Site s, String field, QueryLanguage ql, String constantKind) {
    if (ql != QueryLanguage.JSONATA) {
      return false;
    }
    JsonNode v = s.get(field);
    if (JsonataChecks.isExpression(v)) {
      JsonataChecks.expression(s.report, v.textValue(), s.at(field));
      return true;
    }
    if (v.isTextual() || v.isContainerNode() || v.isNull()) {
      s.problem(field, "must be " + constantKind + " or a JSONata expression");
      return true;
    }
    return false;
  }
}
