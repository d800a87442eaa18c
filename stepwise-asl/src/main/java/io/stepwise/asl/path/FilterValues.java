package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.JsonValues;
import java.math.BigDecimal;

/**
 * How Jayway JsonPath compares values inside filters: a number equals a string that parses to it,
 * a string equals a number whose text it is, ordering needs two numbers or two strings, and a
 * path that finds nothing (null here) equals nothing.
 */
final class FilterValues {
  /** {@link #order} of values that cannot be ordered. */
  static final int UNORDERED = Integer.MIN_VALUE;

  private FilterValues() {}

  static boolean equal(JsonNode left, JsonNode right) {
    if (left == null || right == null) {
      return false;
    }
    if (left.isContainerNode() || right.isContainerNode()) {
      return left.isContainerNode() && right.isContainerNode() && JsonValues.equal(left, right);
    }
    if (left.isNumber()) {
      if (right.isNumber()) {
        return JsonValues.compareNumbers(left, right) == 0;
      }
      BigDecimal parsed = right.isTextual() ? parse(right.textValue()) : null;
      return parsed != null && left.decimalValue().compareTo(parsed) == 0;
    }
    if (left.isTextual()) {
      if (right.isNumber()) {
        return left.textValue().equals(numberText(right));
      }
      return right.isTextual() && left.textValue().equals(right.textValue());
    }
    if (left.isBoolean()) {
      return right.isBoolean() && left.booleanValue() == right.booleanValue();
    }
    return left.isNull() && right.isNull();
  }

  /** The sign of left compared with right, or {@link #UNORDERED}. */
  static int order(JsonNode left, JsonNode right) {
    if (left == null || right == null) {
      return UNORDERED;
    }
    if (left.isNumber() && right.isNumber()) {
      return Integer.signum(JsonValues.compareNumbers(left, right));
    }
    if (left.isTextual() && right.isTextual()) {
      return Integer.signum(left.textValue().compareTo(right.textValue()));
    }
    return UNORDERED;
  }

  /** The text a regex filter matches against: strings and numbers as text, else "". */
  static String regexInput(JsonNode v) {
    if (v == null) {
      return "";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isNumber()) {
      return numberText(v);
    }
    return v.isBoolean() ? String.valueOf(v.booleanValue()) : "";
  }

  private static String numberText(JsonNode n) {
    return n.isIntegralNumber() ? n.bigIntegerValue().toString() : BigDecimal.valueOf(n.doubleValue()).toString();
  }

  private static BigDecimal parse(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
