package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.lambda.targets.InvocationType;
import io.stepwise.integrations.lambda.targets.InvokeRequest;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import io.stepwise.integrations.lambda.targets.JavaTarget;
import io.stepwise.integrations.lambda.targets.LambdaErrors;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The optimised integration {@code arn:aws:states:::lambda:invoke}: its parameters are Invoke's
 * ({@code FunctionName} in any form, {@code Payload}, {@code Qualifier}, {@code InvocationType},
 * {@code ClientContext}, {@code LogType}), checked as Lambda checks them; the task's result is
 * Lambda's whole response ({@link InvokeResponse}: 200 with the payload, 202 for Event, 204 for
 * DryRun), and a function's error cause is passed on re-serialised compactly.
 */
final class LambdaInvoke {
  private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9_-]{1,128}");
  /** Lambda's limit on ClientContext: 3,583 bytes of base64. */
  private static final int CLIENT_CONTEXT_MAX = 3583;

  private final FunctionLookup functions;
  private final InstantSource clock;

  LambdaInvoke(FunctionLookup functions, InstantSource clock) {
    this.functions = functions;
    this.clock = clock;
  }

  JsonNode call(TaskRequest request, String requestId) throws Exception {
    JsonNode params = request.input();
    FunctionRef ref = functionName(params.get("FunctionName"), requestId);
    String qualifier = qualifier(params.get("Qualifier"), ref, requestId);
    InvocationType type = invocationType(params.get("InvocationType"), requestId);
    boolean tail = logType(params.get("LogType"), requestId);
    String clientContext = clientContext(params.get("ClientContext"), requestId);
    JsonNode payload = params.has("Payload") ? rawPayload(params.get("Payload")) : Json.NODES.objectNode();
    InvokeResult result;
    LambdaTarget target;
    try {
      target = functions.find(ref, request.executionArn(), requestId);
      result = target.invoke(new InvokeRequest(ref.text(), ref.name(), ref.invokedArn(request.executionArn(), qualifier), qualifier,
          Json.write(payload), type, clientContext, tail, requestId));
      if (result.functionError() != null) {
        throw FunctionErrors.of(result);
      }
    } catch (TaskFailure f) {
      throw new TaskFailure(f.error(), compact(f.cause()));
    }
    if (request.taskToken() != null && target instanceof JavaTarget) {
      // .waitForTaskToken on a Java function: its answer stands for the callback it would send;
      // a declared function hands the task on (LambdaFunctions.submits) and Invoke's answer is TaskSubmitted's
      return result.value();
    }
    return InvokeResponse.of(result, requestId, clock.instant());
  }

  private static FunctionRef functionName(JsonNode n, String requestId) {
    if (n == null || n.isNull()) {
      throw invalid("null", "functionName", "Member must not be null", requestId);
    }
    String text = n.isTextual() ? n.textValue() : Json.write(n);
    FunctionRef ref = FunctionRef.parse(text);
    if (text.isEmpty() || text.length() > 170) {
      throw invalid("'" + text + "'", "functionName", "Member must have length between 1 and 170", requestId);
    }
    if (!ref.valid()) {
      throw invalid("'" + text + "'", "functionName", "Member must satisfy regular expression pattern: " + FunctionRef.PATTERN.pattern(),
          requestId);
    }
    return ref;
  }

  private static String qualifier(JsonNode n, FunctionRef ref, String requestId) {
    if (n == null || n.isNull()) {
      return ref.qualifier();
    }
    String q = n.asText();
    if (!QUALIFIER.matcher(q).matches()) {
      throw invalid("'" + q + "'", "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)", requestId);
    }
    if (ref.qualifier() != null && !ref.qualifier().equals(q)) {
      throw LambdaErrors.service("InvalidParameterValueException", 400,
          "The derived qualifier from the function name does not match the specified qualifier.", requestId);
    }
    return q;
  }

  private static InvocationType invocationType(JsonNode n, String requestId) {
    if (n == null || n.isNull()) {
      return InvocationType.REQUEST_RESPONSE;
    }
    InvocationType t = InvocationType.of(n.asText());
    if (t == null) {
      throw invalid("'" + n.asText() + "'", "invocationType", "Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
          requestId);
    }
    return t;
  }

  private static boolean logType(JsonNode n, String requestId) {
    if (n == null || n.isNull() || n.asText().equals("None")) {
      return false;
    }
    if (n.asText().equals("Tail")) {
      return true;
    }
    throw invalid("'" + n.asText() + "'", "logType", "Member must satisfy enum value set: [None, Tail]", requestId);
  }

  /** ClientContext is base64-encoded JSON, handed to the function as context.client_context. */
  private static String clientContext(JsonNode n, String requestId) {
    if (n == null || n.isNull()) {
      return null;
    }
    String text = n.asText();
    if (text.length() > CLIENT_CONTEXT_MAX) {
      throw invalid("'" + text + "'", "clientContext", "Member must have length less than or equal to " + CLIENT_CONTEXT_MAX, requestId);
    }
    try {
      JsonNode cc = Json.parse(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
      if (cc.isObject()) {
        return text;
      }
    } catch (IllegalArgumentException | JsonProcessingException e) {
      // refused below
    }
    throw LambdaErrors.service("InvalidRequestContentException", 400, "Client context must be a valid Base64-encoded JSON object.",
        requestId);
  }

  private static TaskFailure invalid(String value, String member, String constraint, String requestId) {
    return LambdaErrors.service("ValidationException", 400,
        "1 validation error detected: Value " + value + " at '" + member + "' failed to satisfy constraint: " + constraint, requestId);
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
