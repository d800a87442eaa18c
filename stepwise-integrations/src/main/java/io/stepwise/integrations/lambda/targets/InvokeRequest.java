package io.stepwise.integrations.lambda.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One call of a function, as Lambda's Invoke takes it.
 *
 * @param reference the function as the task named it (a name, a partial or a full ARN, with or without qualifier)
 * @param functionName the bare function name
 * @param invokedArn the full ARN invoked, with the qualifier when there is one (context.invoked_function_arn)
 * @param qualifier the version or alias, or null
 * @param payload the event as JSON text
 * @param type how to invoke
 * @param clientContext the base64 ClientContext as given, or null
 * @param tailLog whether LogType is Tail
 * @param requestId the invocation's request id
 */
public record InvokeRequest(String reference, String functionName, String invokedArn, String qualifier, String payload,
    InvocationType type, String clientContext, boolean tailLog, String requestId) {

  /** A plain synchronous call of an event, as a Lambda function ARN task makes it. */
  public static InvokeRequest of(String reference, String functionName, String invokedArn, String qualifier, JsonNode event,
      String requestId) {
    return new InvokeRequest(reference, functionName, invokedArn, qualifier, Json.write(event), InvocationType.REQUEST_RESPONSE,
        null, false, requestId);
  }

  /** The decoded ClientContext (Lambda's context.client_context), or null when none was given. */
  public JsonNode clientContextJson() {
    if (clientContext == null) {
      return null;
    }
    try {
      return Json.parse(new String(Base64.getDecoder().decode(clientContext), StandardCharsets.UTF_8));
    } catch (Exception e) {
      return null; // checked before the call (LambdaInvoke): not reached
    }
  }

  /** The payload as a JSON value (what a local function receives). */
  public JsonNode event() {
    try {
      return Json.parse(payload);
    } catch (Exception e) {
      return Json.NODES.textNode(payload);
    }
  }

  /** What a function's context holds, as the command protocol and the URL headers carry it. */
  public ObjectNode context(int memoryMb, long deadlineEpochMs) {
    ObjectNode c = Json.NODES.objectNode();
    c.put("functionName", functionName);
    c.put("functionVersion", "$LATEST");
    c.put("invokedFunctionArn", invokedArn);
    c.put("memoryLimitInMB", memoryMb);
    c.put("awsRequestId", requestId);
    c.put("logGroupName", "/aws/lambda/" + functionName);
    c.put("logStreamName", "stepwise/" + functionName);
    c.put("deadlineMs", deadlineEpochMs);
    JsonNode cc = clientContextJson();
    c.set("clientContext", cc == null ? Json.NODES.nullNode() : cc);
    c.putNull("identity");
    return c;
  }
}
