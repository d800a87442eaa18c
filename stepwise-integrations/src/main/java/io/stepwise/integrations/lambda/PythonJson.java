package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.Map;

/**
 * The length of a value as a Python Lambda runtime serialises its response ({@code json.dumps}:
 * ", " and ": " separators, non-ASCII escaped), which Lambda reports as Content-Length.
 */
final class PythonJson {
  private PythonJson() {}

  static int length(JsonNode v) {
    if (v.isObject()) {
      int n = 2;
      int i = 0;
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        n += (i++ > 0 ? 2 : 0) + text(Json.NODES.textNode(e.getKey())) + 2 + length(e.getValue());
      }
      return n;
    }
    if (v.isArray()) {
      int n = 2;
      for (int i = 0; i < v.size(); i++) {
        n += (i > 0 ? 2 : 0) + length(v.get(i));
      }
      return n;
    }
    return text(v);
  }

  private static int text(JsonNode v) {
    String s = Json.write(v);
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) < 0x80 ? 1 : 6;
    }
    return n;
  }
}
