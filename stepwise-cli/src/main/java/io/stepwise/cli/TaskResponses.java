package io.stepwise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.LambdaFunctions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canned task results from a file, checked whole when it is read. Each key is a Task's resource
 * ARN, or a Lambda function (name, partial or full ARN); each value a response {@code {"Return":
 * value}} or {@code {"Throw": {"Error": ..., "Cause": ...}}}, or a non-empty list of them used one
 * per call (the last one repeats), to script retries.
 *
 * <p>A resource ARN's value is the task's whole result. A Lambda function's value is the
 * function's own result: a Lambda ARN resource returns it as it is and {@code
 * arn:aws:states:::lambda:invoke} wraps it in Lambda's response (Payload, StatusCode, ...), as AWS
 * does. For a {@code .waitForTaskToken} resource the value is what the callback would send with
 * SendTaskSuccess (or SendTaskFailure, for a Throw).
 */
final class TaskResponses {
  private final Map<String, List<JsonNode>> responses;
  private final Map<String, AtomicInteger> calls = new LinkedHashMap<>();

  private TaskResponses(Map<String, List<JsonNode>> responses) {
    this.responses = responses;
    responses.keySet().forEach(k -> calls.put(k, new AtomicInteger()));
  }

  /** Reads and checks a responses file; every problem names the file and the JSON Pointer of the value. */
  static TaskResponses parse(String file, String text) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new Inputs.InputException(file + ": not valid JSON: " + Json.problem(e));
    }
    if (!root.isObject()) {
      throw new Inputs.InputException(file + ": must hold a JSON object from resource ARN or Lambda function to response");
    }
    Map<String, List<JsonNode>> responses = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String pointer = io.stepwise.asl.json.JsonPointers.child("", e.getKey());
      List<JsonNode> list = new ArrayList<>();
      if (e.getValue().isArray()) {
        if (e.getValue().isEmpty()) {
          throw new Inputs.InputException(file + ": " + pointer + ": the list of responses is empty; give at least one");
        }
        for (int i = 0; i < e.getValue().size(); i++) {
          list.add(checked(file, pointer + "/" + i, e.getValue().get(i)));
        }
      } else {
        list.add(checked(file, pointer, e.getValue()));
      }
      responses.put(e.getKey(), List.copyOf(list));
    }
    return new TaskResponses(responses);
  }

  private static JsonNode checked(String file, String pointer, JsonNode r) {
    String where = file + ": " + pointer + ": ";
    if (!r.isObject() || r.size() != 1 || !(r.has("Return") || r.has("Throw"))) {
      throw new Inputs.InputException(where + "a response is {\"Return\": value} or {\"Throw\": {\"Error\": ..., \"Cause\": ...}}");
    }
    JsonNode t = r.get("Throw");
    if (t != null) {
      if (!t.isObject() || !t.path("Error").isTextual()) {
        throw new Inputs.InputException(where + "\"Throw\" needs an \"Error\" name (a string)");
      }
      if (t.has("Cause") && !t.get("Cause").isTextual()) {
        throw new Inputs.InputException(where + "\"Throw\": \"Cause\" must be a string");
      }
    }
    return r;
  }

  /** Registers every key: resource ARNs as the engine's task invokers, the rest as Lambda functions. */
  void register(Engine.Builder builder, LambdaFunctions.Builder lambdas) {
    for (String key : responses.keySet()) {
      if (isLambdaFunction(key)) {
        lambdas.function(key, event -> next(key));
      } else {
        builder.invoker(key, request -> next(key));
      }
    }
  }

  /** A function name, or a Lambda function ARN (full or partial): anything but a Step Functions resource ARN. */
  static boolean isLambdaFunction(String key) {
    return !key.startsWith("arn:") || key.contains(":function:");
  }

  private JsonNode next(String key) {
    List<JsonNode> list = responses.get(key);
    int n = calls.get(key).getAndIncrement();
    JsonNode r = list.get(Math.min(n, list.size() - 1));
    JsonNode t = r.get("Throw");
    if (t != null) {
      throw new TaskFailure(t.get("Error").textValue(), t.has("Cause") ? t.get("Cause").textValue() : null);
    }
    return r.get("Return");
  }
}
