package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.lambda.targets.InvokeResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The response of Lambda's Invoke API as Step Functions' optimised integration
 * ({@code arn:aws:states:::lambda:invoke}) returns it: the function's payload in Lambda's
 * envelope of status, version and HTTP metadata, with the fields in AWS's order. Content-Length
 * is the payload's length as sent, or for a Java function's value what a Python runtime would send
 * ({@link PythonJson}); the request id and the time are given, so that the same call gives the
 * same envelope. An Event invocation answers 202 and a DryRun 204, each with an empty payload
 * and no executed version.
 */
final class InvokeResponse {
  private InvokeResponse() {}

  /**
   * The envelope around a result.
   *
   * @param requestId the invocation's request id
   * @param at when Lambda answered (the Date header and the trace id's time)
   */
  static ObjectNode of(InvokeResult r, String requestId, Instant at) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    String traceId = "Root=1-" + Long.toHexString(at.toEpochMilli() / 1000) + "-" + requestId.replace("-", "").substring(0, 24);
    if (r.statusCode() != 200) {
      return empty(r.statusCode(), requestId, date, traceId);
    }
    JsonNode payload = r.value();
    String length = Integer.toString(r.contentLength() != null ? r.contentLength() : PythonJson.length(payload));
    String version = r.executedVersion() == null ? "$LATEST" : r.executedVersion();
    String logResult = r.logResult();
    ObjectNode o = Json.NODES.objectNode();
    o.put("ExecutedVersion", version);
    if (logResult != null) {
      o.put("LogResult", logResult);
    }
    o.set("Payload", payload);
    ObjectNode http = o.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    if (logResult != null) {
      all.putArray("X-Amz-Log-Result").add(logResult);
    }
    all.putArray("X-Amz-Executed-Version").add(version);
    all.putArray("x-amzn-Remapped-Content-Length").add("0");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add(length);
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode h = http.putObject("HttpHeaders");
    h.put("Connection", "keep-alive");
    h.put("Content-Length", length);
    h.put("Content-Type", "application/json");
    h.put("Date", date);
    h.put("X-Amz-Executed-Version", version);
    if (logResult != null) {
      h.put("X-Amz-Log-Result", logResult);
    }
    h.put("x-amzn-Remapped-Content-Length", "0");
    h.put("x-amzn-RequestId", requestId);
    h.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", 200);
    o.putObject("SdkResponseMetadata").put("RequestId", requestId);
    o.put("StatusCode", 200);
    return o;
  }

  /** Event (202) and DryRun (204): no body, so no payload, version or content type. */
  private static ObjectNode empty(int status, String requestId, String date, String traceId) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("Payload", "");
    ObjectNode http = o.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    all.putArray("Connection").add("keep-alive");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Length").add("0");
    all.putArray("Date").add(date);
    all.putArray("X-Amzn-Trace-Id").add(traceId);
    ObjectNode h = http.putObject("HttpHeaders");
    h.put("Connection", "keep-alive");
    h.put("Content-Length", "0");
    h.put("Date", date);
    h.put("x-amzn-RequestId", requestId);
    h.put("X-Amzn-Trace-Id", traceId);
    http.put("HttpStatusCode", status);
    o.putObject("SdkResponseMetadata").put("RequestId", requestId);
    o.put("StatusCode", status);
    return o;
  }
}
