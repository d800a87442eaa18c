package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The optimised integration {@code arn:aws:states:::lambda:invoke}: its parameters name the
 * function ({@code FunctionName}), the event ({@code Payload}) and the log type ({@code
 * LogType}); the task's result is Lambda's whole response ({@link InvokeResponse}), and a
 * function's error cause is passed on re-serialised compactly.
 */
final class LambdaInvoke {
  private final FunctionLookup functions;
  private final InstantSource clock;
  private final Supplier<UUID> requestIds;

  LambdaInvoke(FunctionLookup functions, InstantSource clock, Supplier<UUID> requestIds) {
    this.functions = functions;
    this.clock = clock;
    this.requestIds = requestIds;
  }

  JsonNode call(TaskRequest request) throws Exception {
    JsonNode params = request.input();
    String fn = params.path("FunctionName").asText();
    JsonNode payload = params.has("Payload") ? rawPayload(params.get("Payload")) : Json.NODES.objectNode();
    JsonNode result;
    try {
      result = functions.find(fn, FunctionLookup.functionName(fn), request.executionArn()).handle(payload);
    } catch (TaskFailure f) {
      throw new TaskFailure(f.error(), compact(f.cause()));
    }
    if (request.taskToken() != null) {
      return result; // .waitForTaskToken: the function's answer stands for the callback it would send
    }
    // the tail's request id is drawn before the response's, as the calls happen
    String logResult = "Tail".equals(params.path("LogType").asText()) ? InvokeResponse.tailLog(fn, requestIds.get()) : null;
    return InvokeResponse.of(result == null ? Json.NODES.nullNode() : result, logResult, requestIds.get(), clock.instant());
  }

  /** A text Payload is sent to Lambda as the request body itself, so JSON text arrives parsed. */
  static JsonNode rawPayload(JsonNode payload) {
    if (payload.isNull()) {
      return Json.NODES.objectNode(); // a null Payload sends no body; the function gets {}
    }
    if (payload.isTextual()) {
      try {
        return Json.parse(payload.textValue());
      } catch (JsonProcessingException e) {
        return payload;
      }
    }
    return payload;
  }

  /** The Lambda integration passes a function's error payload on as compact JSON. */
  static String compact(String cause) {
    if (cause == null || !cause.startsWith("{")) {
      return cause;
    }
    try {
      return Json.write(Json.parse(cause));
    } catch (JsonProcessingException e) {
      return cause;
    }
  }
}
