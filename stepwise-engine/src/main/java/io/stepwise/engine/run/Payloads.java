package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;

/** Payload size checks against AWS's 256 KiB limit. */
final class Payloads {
  private Payloads() {}

  /**
   * Whether the UTF-8 JSON text of a value is longer than the limit. A walk of the tree bounds the
   * size from above without writing it; only a value that might be too long is written out.
   */
  static boolean exceeds(JsonNode value, int limit) {
    if (value == null || value.isNumber() || value.isBoolean() || value.isNull()) {
      return false;
    }
    if (upperBound(value, limit) <= limit) {
      return false;
    }
    return size(value) > limit;
  }

  /**
   * At least the UTF-8 length of the value's JSON text (a character takes at most 6 bytes, as
   * {@code \u0000}); the walk stops once the bound passes {@code budget}.
   */
  private static long upperBound(JsonNode v, long budget) {
    if (v.isTextual()) {
      return 6L * v.textValue().length() + 2;
    }
    if (v.isContainerNode()) {
      long total = 2;
      if (v.isObject()) {
        for (var it = v.fields(); it.hasNext() && total <= budget; ) {
          var e = it.next();
          total += 6L * e.getKey().length() + 4 + upperBound(e.getValue(), budget - total);
        }
      } else {
        for (int i = 0; i < v.size() && total <= budget; i++) {
          total += 1 + upperBound(v.get(i), budget - total);
        }
      }
      return total;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return 20;
    }
    return v.isNumber() ? v.asText().length() : 5;
  }

  /** The UTF-8 length of a value's JSON text (scalars cheaply, without writing them). */
  static long size(JsonNode value) {
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return value.isNumber() ? value.asText().length() : value.isBoolean() ? (value.booleanValue() ? 4 : 5) : 4;
    }
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
  }
}
