package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;

/** Payload size checks against AWS's 256 KiB limit. */
final class Payloads {
  private Payloads() {}

  /** Whether the UTF-8 JSON text of a value is longer than the limit. */
  static boolean exceeds(JsonNode value, int limit) {
    if (value == null || value.isNumber() || value.isBoolean() || value.isNull()) {
      return false;
    }
    if (value.isTextual() && value.textValue().length() * 3L + 2 <= limit) {
      return false; // even all three-byte characters would fit
    }
    return size(value) > limit;
  }

  /** The UTF-8 length of a value's JSON text (scalars cheaply, without writing them). */
  static long size(JsonNode value) {
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return value.isNumber() ? value.asText().length() : value.isBoolean() ? (value.booleanValue() ? 4 : 5) : 4;
    }
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
  }
}
