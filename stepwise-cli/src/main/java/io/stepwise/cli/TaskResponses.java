package io.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskInvoker;
import io.stepwise.engine.task.TaskRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canned task results from a file: resource ARN (or, for lambda:invoke, the FunctionName) to a
 * response {@code {"Return": value}} or {@code {"Throw": {"Error": ..., "Cause": ...}}}, or to a
 * list of responses used one per call (the last one repeats), to script retries.
 */
final class TaskResponses implements TaskInvoker {
  private final Map<String, List<JsonNode>> responses = new HashMap<>();
  private final Map<String, AtomicInteger> calls = new HashMap<>();

  TaskResponses(JsonNode file) {
    if (!file.isObject()) {
      throw new IllegalArgumentException("--task-responses: the file must hold a JSON object of resource ARN to response");
    }
    file.fields().forEachRemaining(e -> {
      List<JsonNode> list = e.getValue().isArray() ? List.copyOf(toList(e.getValue())) : List.of(e.getValue());
      for (JsonNode r : list) {
        if (!r.has("Return") && !r.has("Throw")) {
          throw new IllegalArgumentException(
              "--task-responses: the response for \"" + e.getKey() + "\" needs \"Return\" or \"Throw\"");
        }
      }
      responses.put(e.getKey(), list);
      calls.put(e.getKey(), new AtomicInteger());
    });
  }

  private static List<JsonNode> toList(JsonNode arr) {
    java.util.ArrayList<JsonNode> l = new java.util.ArrayList<>();
    arr.forEach(l::add);
    return l;
  }

  Iterable<String> resources() {
    return responses.keySet();
  }

  @Override
  public JsonNode invoke(TaskRequest request) {
    String key = request.resource();
    if (!responses.containsKey(key) && request.input() != null && request.input().has("FunctionName")) {
      key = request.input().get("FunctionName").asText();
    }
    List<JsonNode> list = responses.get(key);
    if (list == null) {
      throw new TaskFailure("States.TaskFailed", "No response in --task-responses for the resource '" + request.resource() + "'");
    }
    int n = calls.get(key).getAndIncrement();
    JsonNode r = list.get(Math.min(n, list.size() - 1));
    if (r.has("Throw")) {
      JsonNode t = r.get("Throw");
      throw new TaskFailure(t.path("Error").asText("States.TaskFailed"), t.has("Cause") ? t.get("Cause").asText() : null);
    }
    JsonNode v = r.get("Return");
    return v == null ? Json.NODES.nullNode() : v;
  }
}
