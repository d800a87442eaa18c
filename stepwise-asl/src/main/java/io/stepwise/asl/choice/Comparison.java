package io.stepwise.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.model.Condition;
import io.stepwise.asl.path.JsonPath;
import java.time.Instant;

/**
 * One JSONPath-mode comparison: {@code Variable} against a literal or, for the {@code ...Path}
 * operators, against the value at another path. A value of the wrong type makes the comparison
 * false, as in AWS; a Variable that selects nothing is an error, except for IsPresent.
 */
public final class Comparison implements Condition {
  private final JsonPath variable;
  private final Operator op;
  private final JsonNode literal; // null for ...Path operators
  private final JsonPath valuePath; // null for literal operators
  private final StringPattern pattern;
  private final Instant literalTime;

  public Comparison(JsonPath variable, Operator op, JsonNode literal, JsonPath valuePath) {
    this.variable = variable;
    this.op = op;
    this.literal = literal;
    this.valuePath = valuePath;
    this.pattern = op == Operator.STRING_MATCHES ? StringPattern.compile(literal.textValue()) : null;
    this.literalTime = op.kind == Operator.Kind.TIMESTAMP && literal != null ? Timestamps.parse(literal.textValue()) : null;
  }

  public JsonPath variable() {
    return variable;
  }

  public Operator operator() {
    return op;
  }

  @Override
  public boolean test(Scope scope) {
    JsonNode v = variable.read(scope);
    if (op == Operator.IS_PRESENT) {
      boolean present = v != null && !(v.isArray() && !variable.isDefinite() && v.isEmpty());
      return present == literal.booleanValue();
    }
    if (v == null) {
      throw RuntimeCauses.choicePathMissing(variable.text());
    }
    if (op.kind == Operator.Kind.TYPE_TEST) {
      return typeTest(v) == literal.booleanValue();
    }
    JsonNode other = literal;
    if (valuePath != null) {
      other = valuePath.read(scope);
      if (other == null) {
        throw RuntimeCauses.choicePathMissing(valuePath.text());
      }
    }
    return compare(v, other);
  }

  private boolean typeTest(JsonNode v) {
    return switch (op) {
      case IS_NULL -> v.isNull();
      case IS_NUMERIC -> v.isNumber();
      case IS_STRING -> v.isTextual();
      case IS_BOOLEAN -> v.isBoolean();
      case IS_TIMESTAMP -> v.isTextual() && Timestamps.parse(v.textValue()) != null;
      default -> throw new IllegalStateException(op.name());
    };
  }

  private boolean compare(JsonNode v, JsonNode other) {
    switch (op.kind) {
      case STRING -> {
        if (!v.isTextual() || !other.isTextual()) {
          return false;
        }
        if (op == Operator.STRING_MATCHES) {
          return pattern.matches(v.textValue());
        }
        return ordered(v.textValue().compareTo(other.textValue()));
      }
      case NUMERIC -> {
        if (!v.isNumber() || !other.isNumber()) {
          return false;
        }
        int c;
        if (v.canConvertToExactIntegral() && other.canConvertToExactIntegral() && v.canConvertToLong() && other.canConvertToLong()) {
          c = Long.compare(v.longValue(), other.longValue());
        } else {
          c = v.decimalValue().compareTo(other.decimalValue());
        }
        return ordered(c);
      }
      case BOOLEAN -> {
        return v.isBoolean() && other.isBoolean() && v.booleanValue() == other.booleanValue();
      }
      case TIMESTAMP -> {
        if (!v.isTextual() || !other.isTextual()) {
          return false;
        }
        Instant a = Timestamps.parse(v.textValue());
        Instant b = literalTime != null ? literalTime : Timestamps.parse(other.textValue());
        if (a == null || b == null) {
          return false;
        }
        return ordered(a.compareTo(b));
      }
      default -> throw new IllegalStateException(op.name());
    }
  }

  private boolean ordered(int c) {
    return switch (op) {
      case STRING_EQUALS, NUMERIC_EQUALS, TIMESTAMP_EQUALS -> c == 0;
      case STRING_LESS_THAN, NUMERIC_LESS_THAN, TIMESTAMP_LESS_THAN -> c < 0;
      case STRING_GREATER_THAN, NUMERIC_GREATER_THAN, TIMESTAMP_GREATER_THAN -> c > 0;
      case STRING_LESS_THAN_EQUALS, NUMERIC_LESS_THAN_EQUALS, TIMESTAMP_LESS_THAN_EQUALS -> c <= 0;
      case STRING_GREATER_THAN_EQUALS, NUMERIC_GREATER_THAN_EQUALS, TIMESTAMP_GREATER_THAN_EQUALS -> c >= 0;
      default -> throw new IllegalStateException(op.name());
    };
  }
}
