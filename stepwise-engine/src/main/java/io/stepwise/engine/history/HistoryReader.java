package io.stepwise.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back what {@link HistoryJson} writes: the events as GetExecutionHistory returns them, so a
 * store can keep a history as JSON and an execution can be resumed from it. Every problem names
 * the event (by index and id) and the field.
 */
public final class HistoryReader {
  private HistoryReader() {}

  /** A history that cannot be read, with what is wrong and where. */
  public static final class MalformedHistoryException extends IllegalArgumentException {
    MalformedHistoryException(String message) {
      super(message);
    }
  }

  public static List<HistoryEvent> read(JsonNode events) {
    if (events == null || !events.isArray()) {
      throw new MalformedHistoryException("a history is a JSON array of events");
    }
    List<HistoryEvent> out = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(read(events.get(i), i));
    }
    return out;
  }

  private static HistoryEvent read(JsonNode e, int index) {
    String where = "event " + index;
    if (!e.isObject()) {
      throw new MalformedHistoryException(where + ": not a JSON object");
    }
    EventType type;
    try {
      type = EventType.valueOf(text(e, "type", where));
    } catch (IllegalArgumentException bad) {
      throw new MalformedHistoryException(where + ": unknown event type '" + e.get("type").asText() + "'");
    }
    long id = whole(e, "id", where);
    where = "event " + index + " (id " + id + ", " + type + ")";
    long previous = e.has("previousEventId") ? whole(e, "previousEventId", where) : 0;
    long timestamp = number(e, "timestamp", where).movePointRight(3).longValue();
    JsonNode d = detailsOf((ObjectNode) e);
    return new HistoryEvent(id, previous, timestamp, type, details(type, d == null ? Json.NODES.objectNode() : d, d != null, where));
  }

  /** The one {@code ...EventDetails} field, whatever its key (state events share theirs). */
  private static JsonNode detailsOf(ObjectNode e) {
    for (Map.Entry<String, JsonNode> f : e.properties()) {
      if (f.getKey().endsWith("EventDetails")) {
        return f.getValue();
      }
    }
    return null;
  }

  private static EventDetails details(EventType type, JsonNode d, boolean present, String where) {
    String name = type.name();
    if (name.endsWith("StateEntered")) {
      return new EventDetails.StateEntered(text(d, "name", where), payload(d, "input", where));
    }
    if (name.endsWith("StateExited")) {
      return new EventDetails.StateExited(text(d, "name", where), payload(d, "output", where), variables(d, where));
    }
    return switch (type) {
      case ExecutionStarted -> new EventDetails.ExecutionStarted(payload(d, "input", where), optionalText(d, "roleArn"),
          optionalText(d, "stateMachineVersionArn"), optionalText(d, "stateMachineAliasArn"));
      case ExecutionSucceeded -> new EventDetails.ExecutionSucceeded(payload(d, "output", where));
      case ExecutionFailed, ExecutionTimedOut, ExecutionAborted ->
          new EventDetails.ExecutionEnded(optionalText(d, "error"), optionalText(d, "cause"));
      case ExecutionRedriven -> new EventDetails.ExecutionRedriven((int) whole(d, "redriveCount", where, Integer.MAX_VALUE));
      case MapStateStarted -> new EventDetails.MapStateStarted((int) whole(d, "length", where, Integer.MAX_VALUE));
      case MapIterationStarted, MapIterationSucceeded, MapIterationFailed, MapIterationAborted ->
          new EventDetails.MapIteration(text(d, "name", where), (int) whole(d, "index", where, Integer.MAX_VALUE));
      case MapRunStarted -> new EventDetails.MapRunStarted(optionalText(d, "mapRunArn"));
      case MapRunRedriven ->
          new EventDetails.MapRunRedriven(optionalText(d, "mapRunArn"), (int) whole(d, "redriveCount", where, Integer.MAX_VALUE));
      case MapRunFailed -> present ? new EventDetails.MapRunFailed(optionalText(d, "error"), optionalText(d, "cause")) : EventDetails.NONE;
      case TaskScheduled -> new EventDetails.TaskScheduled(
          text(d, "resourceType", where), text(d, "resource", where), optionalText(d, "region"),
          parse(text(d, "parameters", where), where + ": parameters"), optionalLong(d, "timeoutInSeconds", where),
          optionalLong(d, "heartbeatInSeconds", where));
      case TaskStarted -> new EventDetails.TaskStarted(text(d, "resourceType", where), text(d, "resource", where));
      case TaskSucceeded, TaskSubmitted ->
          new EventDetails.TaskSucceeded(text(d, "resourceType", where), text(d, "resource", where), payload(d, "output", where));
      case TaskFailed, TaskTimedOut -> new EventDetails.TaskFailed(
          text(d, "resourceType", where), text(d, "resource", where), optionalText(d, "error"), optionalText(d, "cause"));
      case LambdaFunctionScheduled -> new EventDetails.LambdaScheduled(
          text(d, "resource", where), payload(d, "input", where), optionalLong(d, "timeoutInSeconds", where));
      case ActivityScheduled -> new EventDetails.ActivityScheduled(text(d, "resource", where), payload(d, "input", where),
          optionalLong(d, "timeoutInSeconds", where), optionalLong(d, "heartbeatInSeconds", where));
      case ActivityStarted -> new EventDetails.ActivityStarted(optionalText(d, "workerName"));
      case ActivitySucceeded -> new EventDetails.LambdaSucceeded(payload(d, "output", where));
      case ActivityFailed, ActivityTimedOut, ActivityScheduleFailed ->
          new EventDetails.LambdaFailed(optionalText(d, "error"), optionalText(d, "cause"));
      case LambdaFunctionSucceeded -> new EventDetails.LambdaSucceeded(payload(d, "output", where));
      case LambdaFunctionFailed, LambdaFunctionTimedOut -> new EventDetails.LambdaFailed(optionalText(d, "error"), optionalText(d, "cause"));
      case EvaluationFailed -> new EventDetails.EvaluationFailed(
          text(d, "state", where), optionalText(d, "error"), optionalText(d, "cause"), optionalText(d, "location"));
      default -> EventDetails.NONE;
    };
  }

  private static ObjectNode variables(JsonNode d, String where) {
    JsonNode vars = d.get("assignedVariables");
    if (vars == null || vars.isNull()) {
      return null;
    }
    if (!vars.isObject()) {
      throw new MalformedHistoryException(where + ": assignedVariables must be an object of JSON texts");
    }
    ObjectNode out = Json.NODES.objectNode();
    for (Map.Entry<String, JsonNode> v : vars.properties()) {
      out.set(v.getKey(), parse(v.getValue().asText(), where + ": assignedVariables." + v.getKey()));
    }
    return out;
  }

  /** An input or output: JSON text, as AWS gives it. */
  private static JsonNode payload(JsonNode d, String field, String where) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return Json.NODES.nullNode();
    }
    if (!v.isTextual()) {
      throw new MalformedHistoryException(where + ": " + field + " must be JSON text");
    }
    return parse(v.textValue(), where + ": " + field);
  }

  private static JsonNode parse(String text, String where) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new MalformedHistoryException(where + " is not valid JSON: " + Json.problem(e));
    }
  }

  private static String text(JsonNode o, String field, String where) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new MalformedHistoryException(where + ": " + field + " must be a string");
    }
    return v.textValue();
  }

  private static String optionalText(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static BigDecimal number(JsonNode o, String field, String where) {
    JsonNode v = o.get(field);
    if (v == null || !v.isNumber()) {
      throw new MalformedHistoryException(where + ": " + field + " must be a number");
    }
    try {
      return v.decimalValue();
    } catch (ArithmeticException e) {
      throw new MalformedHistoryException(where + ": " + field + " is out of range");
    }
  }

  private static Long optionalLong(JsonNode o, String field, String where) {
    return o.has(field) && !o.get(field).isNull() ? whole(o, field, where) : null;
  }

  private static long whole(JsonNode o, String field, String where) {
    return whole(o, field, where, Long.MAX_VALUE);
  }

  /** A count or an index: a whole number from 0 to {@code max}. */
  private static long whole(JsonNode o, String field, String where, long max) {
    BigDecimal v = number(o, field, where);
    if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new MalformedHistoryException(where + ": " + field + " must be a whole number from 0 to " + max);
    }
    return v.longValue();
  }
}
