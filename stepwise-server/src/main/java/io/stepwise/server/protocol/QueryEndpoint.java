package io.stepwise.server.protocol;

import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.ApiRequest;
import io.stepwise.integrations.api.QueryApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS query protocol for local services that speak it (SNS): a form-encoded {@code POST /}
 * with no {@code X-Amz-Target}, routed by its {@code Version} parameter; the answer is the
 * service's XML, an error the protocol's {@code ErrorResponse} (Type Sender for a 4xx, Receiver
 * for a 5xx; Code; Message; RequestId).
 */
final class QueryEndpoint {
  record Answer(int status, byte[] body) {}

  private final Map<String, QueryApi> byVersion = new LinkedHashMap<>();

  QueryEndpoint(List<QueryApi> apis) {
    for (QueryApi api : apis) {
      if (byVersion.putIfAbsent(api.version(), api) != null) {
        throw new IllegalArgumentException("two query APIs with the version " + api.version());
      }
    }
  }

  /** The query API a request is for, or null (not a form, or no API of its Version). */
  QueryApi of(String contentType, byte[] body) {
    if (byVersion.isEmpty() || contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    return byVersion.get(form(body).get("Version"));
  }

  Answer call(QueryApi api, byte[] body, ApiRequest request, String requestId) {
    Map<String, String> params = form(body);
    String action = params.getOrDefault("Action", "");
    try {
      return new Answer(200, api.call(action, params, request, requestId).getBytes(StandardCharsets.UTF_8));
    } catch (ApiError e) {
      String xml = "<ErrorResponse xmlns=\"" + api.namespace() + "\"><Error><Type>" + (e.status() >= 500 ? "Receiver" : "Sender")
          + "</Type><Code>" + escape(e.type()) + "</Code><Message>" + escape(e.getMessage()) + "</Message></Error><RequestId>"
          + requestId + "</RequestId></ErrorResponse>\n";
      return new Answer(e.status(), xml.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Map<String, String> form(byte[] body) {
    Map<String, String> out = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
