package io.stepwise.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Equality of JSON values as data, not as Jackson node classes: numbers compare by value (1, 1.0
 * and 1.00 are equal), objects ignore field order. Used by States.ArrayContains, ArrayUnique and
 * JSONPath filters.
 */
public final class JsonValues {
  private JsonValues() {}

  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a.isNumber() && b.isNumber()) {
      return compareNumbers(a, b) == 0;
    }
    if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
      return false;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !equal(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(JsonNode n) {
    if (n.isNumber()) {
      return n.decimalValue().stripTrailingZeros().hashCode();
    }
    if (n.isArray()) {
      int h = 1;
      for (JsonNode e : n) {
        h = 31 * h + hash(e);
      }
      return h;
    }
    if (n.isObject()) {
      int h = 0;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        h += e.getKey().hashCode() ^ hash(e.getValue());
      }
      return h;
    }
    return n.hashCode();
  }

  /** Compares two number nodes by value. */
  public static int compareNumbers(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
      return Long.compare(a.longValue(), b.longValue());
    }
    return a.decimalValue().compareTo(b.decimalValue());
  }
}
