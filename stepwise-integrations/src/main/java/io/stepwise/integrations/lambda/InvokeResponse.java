package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * The response of Lambda's Invoke API as Step Functions' optimised integration
 * ({@code arn:aws:states:::lambda:invoke}) returns it: the function's payload in Lambda's
 * envelope of status, version and HTTP metadata, with the fields in AWS's order. Content-Length
 * is what a Python runtime would send ({@link PythonJson}); the request id and the time are
 * given, so that the same call gives the same envelope.
 */
final class InvokeResponse {
  private InvokeResponse() {}

  /**
   * The envelope around a payload.
   *
   * @param logResult the base64 log tail, for LogType Tail ({@link #tailLog}); null otherwise
   * @param requestId the invocation's request id
   * @param at when Lambda answered (the Date header and the trace id's time)
   */
  static ObjectNode of(JsonNode payload, String logResult, UUID requestId, Instant at) {
    String id = requestId.toString();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    String length = Integer.toString(PythonJson.length(payload));
    String traceId = "Root=1-" + Long.toHexString(at.toEpochMilli() / 1000) + "-" + id.replace("-", "").substring(0, 24);
    ObjectNode o = Json.NODES.objectNode();
    o.put("ExecutedVersion", "$LATEST");
    if (logResult != null) {
      o.put("LogResult", logResult);
    }
    o.set("Payload", payload);
    ObjectNode http = o.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    if (logResult != null) {
      all.putArray("X-Amz-Log-Result").add(logResult);
    }
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(id);
    all.putArray("Content-Length").add(length);
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode h = http.putObject("HttpHeaders");
    h.put("Connection", "keep-alive");
    h.put("Content-Length", length);
    h.put("Content-Type", "application/json");
    h.put("Date", date);
    h.put("X-Amz-Executed-Version", "$LATEST");
    if (logResult != null) {
      h.put("X-Amz-Log-Result", logResult);
    }
    h.put("x-amzn-Remapped-Content-Length", "0");
    h.put("x-amzn-RequestId", id);
    h.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", 200);
    o.putObject("SdkResponseMetadata").put("RequestId", id);
    o.put("StatusCode", 200);
    return o;
  }

  /** With LogType Tail, Lambda returns the end of the invocation's log, base64-encoded. */
  static String tailLog(String functionNameOrArn, UUID requestId) {
    String log = "START RequestId: " + requestId + " Version: $LATEST\nEND\nREPORT Function: " + functionNameOrArn + "\n";
    return Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
  }
}
