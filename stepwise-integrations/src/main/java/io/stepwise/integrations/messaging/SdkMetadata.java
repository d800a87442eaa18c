package io.stepwise.integrations.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The SDK metadata Step Functions' optimised integrations add to a service's answer, as the Java
 * SDK v1 exposed it: {@code SdkHttpMetadata} (every header with all its values, each header with
 * its first value, the status) and {@code SdkResponseMetadata} (the request id).
 */
public final class SdkMetadata {
  private SdkMetadata() {}

  /** The headers a local stand-in answers with: its request id, the date, the content's type and length. */
  public static Map<String, List<String>> localHeaders(String requestId, Instant at, String contentType, int contentLength) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC));
    java.util.LinkedHashMap<String, List<String>> h = new java.util.LinkedHashMap<>();
    h.put("x-amzn-RequestId", List.of(requestId));
    h.put("Date", List.of(date));
    h.put("Content-Type", List.of(contentType));
    h.put("Content-Length", List.of(Integer.toString(contentLength)));
    return h;
  }

  /** Adds the metadata to the answer, after its own fields. */
  public static ObjectNode add(ObjectNode answer, Map<String, List<String>> headers, int status, String requestId) {
    ObjectNode http = answer.putObject("SdkHttpMetadata");
    ObjectNode all = http.putObject("AllHttpHeaders");
    headers.forEach((k, v) -> {
      var values = all.putArray(k);
      v.forEach(values::add);
    });
    ObjectNode first = http.putObject("HttpHeaders");
    headers.forEach((k, v) -> {
      if (!v.isEmpty()) {
        first.put(k, v.get(0));
      }
    });
    http.put("HttpStatusCode", status);
    answer.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return answer;
  }
}
