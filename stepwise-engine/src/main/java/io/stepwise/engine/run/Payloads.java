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
    if (value.isTextual()) {
      String s = value.textValue();
      if (s.length() * 3L + 2 <= limit) {
        return false;
      }
    }
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length > limit;
  }
}
