package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.StatesException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The evaluated arguments of one call, read with the type each function requires. A value of the
 * wrong type fails the call with States.IntrinsicFailure naming the function and the position.
 */
final class Args {
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private final Arg.Call call;
  private final JsonNode[] values;

  Args(Arg.Call call, JsonNode[] values) {
    this.call = call;
    this.values = values;
  }

  int count() {
    return values.length;
  }

  JsonNode get(int i) {
    return values[i];
  }

  /** States.Format's template when it was a literal, split once at compile time; else null. */
  FormatTemplate literalTemplate() {
    return call.template();
  }

  ArrayNode array(int i) {
    if (!values[i].isArray()) {
      throw mustBe(i, "an array");
    }
    return (ArrayNode) values[i];
  }

  ObjectNode object(int i) {
    if (!values[i].isObject()) {
      throw mustBe(i, "a JSON object");
    }
    return (ObjectNode) values[i];
  }

  String text(int i) {
    if (!values[i].isTextual()) {
      throw mustBe(i, "a string");
    }
    return values[i].textValue();
  }

  boolean bool(int i) {
    if (!values[i].isBoolean()) {
      throw mustBe(i, "a boolean");
    }
    return values[i].booleanValue();
  }

  /** An integer-valued number (2 and 2.0 are; 2.5 is not) that fits an int. */
  int integer(int i) {
    JsonNode v = values[i];
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !fitsInt(v.decimalValue())) {
      throw mustBe(i, "an integer");
    }
    return v.intValue();
  }

  /** Any number, rounded to the nearest integer (halves up, as Java's Math.round), in int range. */
  int rounded(int i) {
    JsonNode v = values[i];
    if (!v.isNumber()) {
      throw mustBe(i, "a number");
    }
    BigDecimal r = v.isIntegralNumber() ? v.decimalValue() : v.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR);
    if (!fitsInt(r)) {
      throw fail("the argument at position " + (i + 1) + " must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
    return r.intValue();
  }

  private static boolean fitsInt(BigDecimal d) {
    return d.compareTo(INT_MIN) >= 0 && d.compareTo(INT_MAX) <= 0;
  }

  StatesException mustBe(int i, String expected) {
    return fail("the argument at position " + (i + 1) + " must be " + expected + ", but was " + typeOf(values[i]));
  }

  /** States.IntrinsicFailure for this call. */
  StatesException fail(String detail) {
    return RuntimeCauses.intrinsicArguments(String.valueOf(call.function()), detail);
  }

  private static String typeOf(JsonNode v) {
    return switch (v.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "a JSON object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }
}
