package io.stepwise.integrations.lambda.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.LambdaErrors;

/**
 * The line protocol of command functions (docs/integrations.md): one JSON object per line each
 * way. Request: {@code {"id", "event", "context"}}. Response: {@code {"id", "result"}} (a JSON
 * value, sent on as compact JSON), {@code {"id", "payload"}} (the payload as text, exactly: what
 * a handler returning bytes gives, or the runtime's own serialisation), or {@code {"id", "error"}}
 * (the function's error: an object, or its payload as text).
 */
final class Protocol {
  private Protocol() {}

  static String request(InvokeRequest r, int memoryMb, long deadlineEpochMs) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("id", r.requestId());
    o.set("event", r.event());
    o.set("context", r.context(memoryMb, deadlineEpochMs));
    return Json.write(o);
  }

  /** A line as JSON, or null when it is not a JSON object. */
  static JsonNode parse(String line) {
    try {
      JsonNode n = Json.parse(line);
      return n.isObject() ? n : null;
    } catch (Exception e) {
      return null;
    }
  }

  static InvokeResult result(JsonNode msg, String id) {
    if (msg.has("error")) {
      JsonNode e = msg.get("error");
      return InvokeResult.failed(e.isTextual() ? e.textValue() : Json.write(e), null);
    }
    if (msg.has("payload")) {
      JsonNode p = msg.get("payload");
      return InvokeResult.returned(p.isTextual() ? p.textValue() : Json.write(p), null);
    }
    if (msg.has("result")) {
      return InvokeResult.returned(Json.write(msg.get("result")), null);
    }
    return InvokeResult.failed(LambdaErrors.runtimeError("Runtime.InvalidResponse", id,
        "the worker's response has none of result, payload or error"), null);
  }
}
