package io.stepwise.integrations.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP Task's result, as AWS gives it: {@code Headers} (each name with the list of its
 * values), {@code ResponseBody} (parsed when the response says it is JSON and is, else the text),
 * {@code StatusCode} and {@code StatusText}. A status outside 2xx fails the task with
 * {@code States.Http.StatusCode.NNN} and this same object, as JSON text, for its cause.
 */
final class HttpAnswer {
  private HttpAnswer() {}

  static ObjectNode of(int status, Map<String, List<String>> headers, byte[] body) {
    ObjectNode o = Json.NODES.objectNode();
    ObjectNode h = o.putObject("Headers");
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().startsWith(":")) {
        continue; // HTTP/2 pseudo-headers are no headers
      }
      ArrayNode values = h.putArray(e.getKey());
      e.getValue().forEach(values::add);
    }
    o.set("ResponseBody", body(headers, body));
    o.put("StatusCode", status);
    o.put("StatusText", ReasonPhrases.of(status));
    return o;
  }

  private static JsonNode body(Map<String, List<String>> headers, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (isJson(headers) && !text.isBlank()) {
      try {
        return Json.parse(text);
      } catch (JsonProcessingException notJson) {
        // said it was JSON and is not: the text, as it came
      }
    }
    return Json.NODES.textNode(text);
  }

  private static boolean isJson(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
        String media = e.getValue().get(0).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
      }
    }
    return false;
  }
}
