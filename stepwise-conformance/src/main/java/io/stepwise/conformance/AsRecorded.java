package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Our result normalised as the recording was: the case's ops run over the response or history
 * event the recorded value came from, so ours goes through the same ops in the same shape.
 */
final class AsRecorded {
  private AsRecorded() {}

  /**
   * Our output, normalised as the recording was: inside the event it was recorded from
   * (ExecutionSucceeded in a history) or as the output field of the API response; a text that
   * is still JSON text afterwards is parsed, as the corpus parsed the recorded one.
   */
  static JsonNode normalizedOutput(ConformanceCase c, JsonNode output) {
    String text = output == null ? "null" : Json.write(output);
    List<JsonNode> ops = outputOps(c);
    JsonNode n = extractOutput(c, Normalizer.normalize(outputContainer(c, TextNode.valueOf(text)), ops));
    if (n.isMissingNode()) {
      return Json.NODES.nullNode();
    }
    if (n.isTextual() && !Boolean.FALSE.equals(c.outputIsJson())) {
      JsonNode parsed = PyJson.tryLoads(n.textValue());
      return parsed != null ? parsed : n;
    }
    return n;
  }

  /** The output inside the response it was recorded from: an ExecutionSucceeded event, or an API response. */
  private static ObjectNode outputContainer(ConformanceCase c, JsonNode output) {
    ObjectNode container = Json.NODES.objectNode();
    if (c.recordedFromHistory()) {
      ObjectNode ev = container.putArray("events").addObject();
      ev.put("type", "ExecutionSucceeded");
      ev.putObject("executionSucceededEventDetails").set("output", output);
    } else {
      container.set("output", output);
    }
    return container;
  }

  private static JsonNode extractOutput(ConformanceCase c, JsonNode normalized) {
    return c.recordedFromHistory()
        ? normalized.path("events").path(0).path("executionSucceededEventDetails").path("output")
        : normalized.path("output");
  }

  /**
   * The case's ops, less any jsonpath_value op that visibly was not applied to the recorded
   * output (a value at its path that is not its replacement): such a recording predates the
   * op (one case, test_context_object__test_result_selector, whose x-amzn-RequestId headers
   * were recorded before the fixture replaced them), and ours must be treated alike.
   */
  static List<JsonNode> outputOps(ConformanceCase c) {
    if (c.output() == null) {
      return c.normalization();
    }
    ObjectNode recorded = outputContainer(c, c.output());
    List<JsonNode> ops = new ArrayList<>();
    for (JsonNode op : c.normalization()) {
      if ("jsonpath_value".equals(op.path("op").asText())) {
        try {
          String rep = op.path("replacement").asText();
          boolean notApplied =
              JsonPathLite.parse(op.path("path").asText()).find(recorded).stream().anyMatch(v -> !(v.isTextual() && v.textValue().equals(rep)));
          if (notApplied) {
            continue;
          }
        } catch (IllegalArgumentException e) {
          // an unsupported path: keep the op and let normalize() report it
        }
      }
      ops.add(op);
    }
    return ops;
  }

  /** Our error and cause, normalised as the recording was; an object with "error" and "cause". */
  static JsonNode normalizedFailure(ConformanceCase c, ExecutionResult r) {
    ObjectNode details = Json.NODES.objectNode();
    if (r.error() != null) {
      details.put("error", r.error());
    }
    if (r.cause() != null) {
      details.put("cause", r.cause());
    }
    ObjectNode container = Json.NODES.objectNode();
    if (c.recordedFromHistory()) {
      String type = "TIMED_OUT".equals(r.status().name()) ? "ExecutionTimedOut" : "ExecutionFailed";
      String key = "TIMED_OUT".equals(r.status().name()) ? "executionTimedOutEventDetails" : "executionFailedEventDetails";
      ObjectNode ev = container.putArray("events").addObject();
      ev.put("type", type);
      ev.set(key, details);
      JsonNode n = Normalizer.normalize(container, c.normalization()).path("events").path(0).path(key);
      return n.isObject() ? n : Json.NODES.objectNode();
    }
    container.setAll(details);
    return Normalizer.normalize(container, c.normalization());
  }

  /**
   * Our event types; where the recording sorted Parallel-branch events, our history is
   * normalised with the case's ops (which sort them the same way) first.
   */
  static List<String> eventTypesForComparison(ConformanceCase c, ExecutionResult r, List<String> ourEvents) {
    boolean sorted = c.eventsOrderNormalised() || c.normalization().stream().anyMatch(op -> "parallel_events_sorted".equals(op.path("op").asText()));
    if (!sorted || r.events() == null) {
      return ourEvents;
    }
    ObjectNode container = Json.NODES.objectNode();
    container.set("events", sortKeysDeep(io.stepwise.engine.history.HistoryJson.toJson(r.events())));
    JsonNode n = Normalizer.normalize(container, c.normalization());
    List<String> types = new ArrayList<>();
    for (JsonNode e : n.path("events")) {
      types.add(e.path("type").asText());
    }
    return types;
  }

  static JsonNode sortKeysDeep(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : PyJson.entries(n, true)) {
        o.set(e.getKey(), sortKeysDeep(e.getValue()));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = Json.NODES.arrayNode();
      n.forEach(x -> a.add(sortKeysDeep(x)));
      return a;
    }
    return n;
  }
}
