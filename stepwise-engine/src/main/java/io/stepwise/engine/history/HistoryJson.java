package io.stepwise.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders history events as GetExecutionHistory returns them: timestamps in epoch seconds,
 * inputs and outputs as JSON text, details under AWS's {@code ...EventDetails} keys.
 */
public final class HistoryJson {
  private HistoryJson() {}

  public static ArrayNode toJson(List<HistoryEvent> events) {
    ArrayNode arr = Json.NODES.arrayNode();
    for (HistoryEvent e : events) {
      arr.add(toJson(e));
    }
    return arr;
  }

  public static ObjectNode toJson(HistoryEvent e) {
    return toJson(e, null);
  }

  /**
   * The event, with its payloads' texts taken from and added to {@code texts} (by identity): a
   * step's events carry the same value many times (a state's output is the next one's input), and
   * each is written once. Null: no sharing.
   */
  public static ObjectNode toJson(HistoryEvent e, Map<JsonNode, String> texts) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("timestamp", BigDecimal.valueOf(e.timestamp(), 3));
    o.put("type", e.type().name());
    o.put("id", e.id());
    o.put("previousEventId", e.previousEventId());
    ObjectNode d = details(e.details(), texts);
    if (d != null) {
      o.set(detailsKey(e.type(), e.details()), d);
    }
    return o;
  }

  /**
   * Whether two events record the same thing: equal, or written as the same JSON (a number read
   * back from text may be another kind of node than the one the engine built, 1.5 as a decimal
   * rather than a double).
   */
  public static boolean equivalent(HistoryEvent a, HistoryEvent b) {
    return a.equals(b) || (b != null && toJson(a).equals(toJson(b)));
  }

  static String detailsKey(EventType type, EventDetails details) {
    if (details instanceof EventDetails.StateEntered) {
      return "stateEnteredEventDetails";
    }
    if (details instanceof EventDetails.StateExited) {
      return "stateExitedEventDetails";
    }
    String n = type.name();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1) + "EventDetails";
  }

  private static ObjectNode details(EventDetails details, Map<JsonNode, String> texts) {
    ObjectNode d = Json.NODES.objectNode();
    switch (details) {
      case EventDetails.None n -> {
        return null;
      }
      case EventDetails.ExecutionStarted s -> {
        payload(d, "input", s.input(), texts);
        d.put("roleArn", s.roleArn());
        putIfNotNull(d, "stateMachineAliasArn", s.stateMachineAliasArn());
        putIfNotNull(d, "stateMachineVersionArn", s.stateMachineVersionArn());
      }
      case EventDetails.ExecutionSucceeded s -> payload(d, "output", s.output(), texts);
      case EventDetails.ExecutionEnded s -> {
        putIfNotNull(d, "error", s.error());
        putIfNotNull(d, "cause", s.cause());
      }
      case EventDetails.ExecutionRedriven s -> d.put("redriveCount", s.redriveCount());
      case EventDetails.StateEntered s -> {
        d.put("name", s.name());
        payload(d, "input", s.input(), texts);
      }
      case EventDetails.StateExited s -> {
        d.put("name", s.name());
        payload(d, "output", s.output(), texts);
        if (s.assignedVariables() != null) {
          ObjectNode vars = d.putObject("assignedVariables");
          Iterator<Map.Entry<String, JsonNode>> it = s.assignedVariables().fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> v = it.next();
            vars.put(v.getKey(), Json.write(v.getValue()));
          }
          d.putObject("assignedVariablesDetails").put("truncated", false);
        }
      }
      case EventDetails.MapStateStarted s -> d.put("length", s.length());
      case EventDetails.MapRunStarted s -> d.put("mapRunArn", s.mapRunArn());
      case EventDetails.MapRunRedriven s -> d.put("mapRunArn", s.mapRunArn()).put("redriveCount", s.redriveCount());
      case EventDetails.MapRunFailed s -> {
        putIfNotNull(d, "error", s.error());
        putIfNotNull(d, "cause", s.cause());
      }
      case EventDetails.MapIteration s -> {
        d.put("name", s.name());
        d.put("index", s.index());
      }
      case EventDetails.TaskScheduled s -> {
        d.put("resourceType", s.resourceType());
        d.put("resource", s.resource());
        d.put("region", s.region());
        d.put("parameters", Json.write(s.parameters()));
        if (s.timeoutInSeconds() != null) {
          d.put("timeoutInSeconds", s.timeoutInSeconds());
        }
        if (s.heartbeatInSeconds() != null) {
          d.put("heartbeatInSeconds", s.heartbeatInSeconds());
        }
      }
      case EventDetails.TaskStarted s -> {
        d.put("resourceType", s.resourceType());
        d.put("resource", s.resource());
      }
      case EventDetails.TaskSucceeded s -> {
        d.put("resourceType", s.resourceType());
        d.put("resource", s.resource());
        payload(d, "output", s.output(), texts);
      }
      case EventDetails.TaskFailed s -> {
        d.put("resourceType", s.resourceType());
        d.put("resource", s.resource());
        putIfNotNull(d, "error", s.error());
        putIfNotNull(d, "cause", s.cause());
      }
      case EventDetails.LambdaScheduled s -> {
        d.put("resource", s.resource());
        payload(d, "input", s.input(), texts);
        if (s.timeoutInSeconds() != null) {
          d.put("timeoutInSeconds", s.timeoutInSeconds());
        }
      }
      case EventDetails.LambdaSucceeded s -> payload(d, "output", s.output(), texts);
      case EventDetails.LambdaFailed s -> {
        putIfNotNull(d, "error", s.error());
        putIfNotNull(d, "cause", s.cause());
      }
      case EventDetails.ActivityScheduled s -> {
        d.put("resource", s.resource());
        payload(d, "input", s.input(), texts);
        if (s.timeoutInSeconds() != null) {
          d.put("timeoutInSeconds", s.timeoutInSeconds());
        }
        if (s.heartbeatInSeconds() != null) {
          d.put("heartbeatInSeconds", s.heartbeatInSeconds());
        }
      }
      case EventDetails.ActivityStarted s -> putIfNotNull(d, "workerName", s.workerName());
      case EventDetails.EvaluationFailed s -> {
        d.put("error", s.error());
        d.put("cause", s.cause());
        putIfNotNull(d, "location", s.location());
        d.put("state", s.state());
      }
    }
    return d;
  }

  private static void payload(ObjectNode d, String key, JsonNode value, Map<JsonNode, String> texts) {
    String text = texts == null ? null : texts.get(value);
    if (text == null) {
      text = Json.write(value);
      if (texts != null && value != null) {
        texts.put(value, text);
      }
    }
    d.put(key, text);
    d.putObject(key + "Details").put("truncated", false);
  }

  private static void putIfNotNull(ObjectNode d, String key, String value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
