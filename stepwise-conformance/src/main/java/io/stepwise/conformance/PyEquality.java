package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Python's {@code ==} on parsed JSON values: dicts ignore key order and 1 == 1.0, but booleans
 * never equal numbers (True == 1 is no useful leniency for a conformance check). Reached
 * through {@link PyJson}.
 */
final class PyEquality {
  private PyEquality() {}

  static boolean pyEquals(JsonNode a, JsonNode b) {
    if (a == null || a.isMissingNode()) {
      a = PyJson.nodes().nullNode();
    }
    if (b == null || b.isMissingNode()) {
      b = PyJson.nodes().nullNode();
    }
    if (a.isNumber() && b.isNumber()) {
      return numbersEqual(a, b);
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !pyEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!pyEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    if (a.isNull()) {
      return true;
    }
    return a.equals(b);
  }

  private static boolean numbersEqual(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    BigDecimal x = exact(a);
    BigDecimal y = exact(b);
    if (x == null || y == null) {
      // NaN never equals anything; infinities equal themselves
      double dx = a.doubleValue();
      double dy = b.doubleValue();
      return !Double.isNaN(dx) && dx == dy;
    }
    return x.compareTo(y) == 0;
  }

  private static BigDecimal exact(JsonNode n) {
    if (n.isIntegralNumber()) {
      return new BigDecimal(n.bigIntegerValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return new BigDecimal(d);
  }
}
