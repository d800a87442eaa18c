package io.stepwise.server.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import java.util.List;
import java.util.Map;

/**
 * One history event as the JSON line AWS writes to CloudWatch Logs: {@code id}, {@code type},
 * {@code details} (the event's details, without payloads unless the configuration includes
 * execution data), {@code event_timestamp} (epoch milliseconds), {@code execution_arn},
 * {@code previous_event_id} and {@code redrive_count}, the numbers as strings as AWS has them.
 */
final class LogLine {
  private LogLine() {}

  /** The payload fields a configuration without execution data leaves out (as GetExecutionHistory does). */
  private static final List<String> DATA = List.of("input", "output", "parameters");

  static String of(HistoryEvent e, String executionArn, int redriveCount, boolean includeExecutionData) {
    ObjectNode api = HistoryJson.toJson(e);
    ObjectNode details = Json.NODES.objectNode();
    for (Map.Entry<String, JsonNode> f : api.properties()) {
      if (f.getKey().endsWith("EventDetails") && f.getValue() instanceof ObjectNode d) {
        details = d;
      }
    }
    if (!includeExecutionData) {
      details.remove(DATA);
    }
    ObjectNode line = Json.NODES.objectNode();
    line.put("id", Long.toString(e.id()));
    line.put("type", e.type().name());
    line.set("details", details);
    line.put("event_timestamp", Long.toString(e.timestamp()));
    line.put("execution_arn", executionArn);
    line.put("previous_event_id", Long.toString(e.previousEventId()));
    line.put("redrive_count", Integer.toString(redriveCount));
    return line.toString();
  }
}
