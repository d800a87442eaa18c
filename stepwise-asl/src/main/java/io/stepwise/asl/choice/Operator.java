package io.stepwise.asl.choice;

import java.util.HashMap;
import java.util.Map;

/** The comparison operators of JSONPath-mode Choice rules (without their ...Path twins). */
public enum Operator {
  STRING_EQUALS("StringEquals", Kind.STRING),
  STRING_LESS_THAN("StringLessThan", Kind.STRING),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING),
  STRING_MATCHES("StringMatches", Kind.STRING),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP),
  IS_NULL("IsNull", Kind.TYPE_TEST),
  IS_PRESENT("IsPresent", Kind.TYPE_TEST),
  IS_NUMERIC("IsNumeric", Kind.TYPE_TEST),
  IS_STRING("IsString", Kind.TYPE_TEST),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST);

  /** What an operator compares; also the type its literal operand must have. */
  public enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    TYPE_TEST
  }

  private static final Map<String, Operator> BY_NAME = new HashMap<>();

  static {
    for (Operator o : values()) {
      BY_NAME.put(o.fieldName, o);
    }
  }

  public final String fieldName;
  public final Kind kind;

  Operator(String fieldName, Kind kind) {
    this.fieldName = fieldName;
    this.kind = kind;
  }

  /** The operator for a field name such as "NumericLessThan" or "NumericLessThanPath", or null. */
  public static Operator byField(String field) {
    Operator o = BY_NAME.get(field);
    if (o == null && field.endsWith("Path")) {
      o = BY_NAME.get(field.substring(0, field.length() - 4));
      if (o != null && o.kind == Kind.TYPE_TEST || o == STRING_MATCHES) {
        return null;
      }
    }
    return o;
  }

  public static boolean isPathVariant(String field) {
    return !BY_NAME.containsKey(field) && field.endsWith("Path");
  }
}
