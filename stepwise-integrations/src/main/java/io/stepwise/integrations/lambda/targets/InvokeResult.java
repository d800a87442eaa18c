package io.stepwise.integrations.lambda.targets;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * What Lambda's Invoke answered: its status, the version that ran, whether the function failed
 * ({@code X-Amz-Function-Error}), the payload and the log tail.
 *
 * @param statusCode 200, 202 (Event) or 204 (DryRun)
 * @param executedVersion the version that ran; null for Event and DryRun
 * @param functionError null, or {@code Unhandled} / {@code Handled}: the payload is the function's error
 * @param payloadText the payload as sent ("" for none); null when only {@code payloadValue} is known
 * @param payloadValue the payload as a value when the function gave a value rather than text (the Java API)
 * @param logResult the base64 log tail for LogType Tail, or null
 */
public record InvokeResult(int statusCode, String executedVersion, String functionError, String payloadText, JsonNode payloadValue,
    String logResult) {

  public static InvokeResult returned(String payloadText, String logResult) {
    return new InvokeResult(200, "$LATEST", null, payloadText, null, logResult);
  }

  public static InvokeResult returnedValue(JsonNode value, String logResult) {
    return new InvokeResult(200, "$LATEST", null, null, value, logResult);
  }

  /** The function failed: the payload is its error, as Lambda returns an unhandled error. */
  public static InvokeResult failed(String errorPayload, String logResult) {
    return new InvokeResult(200, "$LATEST", "Unhandled", errorPayload, null, logResult);
  }

  /** The function was queued (Event). */
  public static InvokeResult accepted() {
    return new InvokeResult(202, null, null, "", null, null);
  }

  /** The call was checked, not run (DryRun). */
  public static InvokeResult dryRun() {
    return new InvokeResult(204, null, null, "", null, null);
  }

  public InvokeResult withLog(String log) {
    return new InvokeResult(statusCode, executedVersion, functionError, payloadText, payloadValue, log);
  }

  /** The payload as the task sees it: JSON text parsed, other text as a string, nothing as JSON null. */
  public JsonNode value() {
    if (payloadValue != null) {
      return payloadValue;
    }
    if (payloadText == null || payloadText.isEmpty()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.parse(payloadText);
    } catch (Exception e) {
      return Json.NODES.textNode(payloadText); // a function may return bytes that are not JSON
    }
  }

  /** The payload's length in bytes as sent; for a value, null when the length is the caller's to work out. */
  public Integer contentLength() {
    return payloadText == null ? null : payloadText.getBytes(StandardCharsets.UTF_8).length;
  }
}
