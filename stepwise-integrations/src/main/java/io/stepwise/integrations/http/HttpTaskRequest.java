package io.stepwise.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP Task's Parameters (or Arguments) read into the request to send: ApiEndpoint with the
 * QueryParameters appended, Method, Headers, RequestBody encoded as Transform says, and the
 * connection named by Authentication (or InvocationConfig) {@code ConnectionArn}. A field of the
 * wrong shape fails the task with States.Runtime, naming the field.
 *
 * @param connectionArn the EventBridge connection's ARN, or null: accepted, and not used (see {@link HttpInvoke})
 */
record HttpTaskRequest(String method, URI uri, Map<String, String> headers, byte[] body, String connectionArn) {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

  static HttpTaskRequest read(JsonNode params) {
    if (params == null || !params.isObject()) {
      throw runtime("The HTTP Task's Parameters must be an object with ApiEndpoint and Method");
    }
    String endpoint = text(params, "ApiEndpoint");
    String method = text(params, "Method").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw runtime("The HTTP Task's Method '" + params.get("Method").asText() + "' is not one of " + String.join(", ", METHODS));
    }
    URI uri = uri(endpoint, params.get("QueryParameters"));
    Map<String, String> headers = headers(params.get("Headers"));
    byte[] body = body(params.get("RequestBody"), params.get("Transform"), headers);
    return new HttpTaskRequest(method, uri, headers, body, connectionArn(params));
  }

  private static String text(JsonNode params, String field) {
    JsonNode v = params.get(field);
    if (v == null || v.isNull()) {
      throw runtime("The HTTP Task's Parameters have no " + field + " (it is required)");
    }
    if (!v.isTextual()) {
      throw runtime("The HTTP Task's " + field + " must be a string, not " + Json.write(v));
    }
    return v.textValue();
  }

  private static URI uri(String endpoint, JsonNode query) {
    URI base;
    try {
      base = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw runtime("The HTTP Task's ApiEndpoint '" + endpoint + "' is not a URL: " + e.getReason());
    }
    if (!("https".equalsIgnoreCase(base.getScheme()) || "http".equalsIgnoreCase(base.getScheme())) || base.getHost() == null) {
      throw runtime("The HTTP Task's ApiEndpoint '" + endpoint + "' is not an https (or http) URL with a host");
    }
    if (query == null || query.isNull() || query.isEmpty()) {
      return base;
    }
    if (!query.isObject()) {
      throw runtime("The HTTP Task's QueryParameters must be an object of names to values, not " + Json.write(query));
    }
    StringBuilder q = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
    for (Map.Entry<String, JsonNode> e : query.properties()) {
      JsonNode v = e.getValue();
      for (JsonNode item : v.isArray() ? v : List.of(v)) {
        if (item.isContainerNode()) {
          throw runtime("The HTTP Task's QueryParameters." + e.getKey() + " must be a string, a number, a boolean or an array of them");
        }
        q.append(q.isEmpty() ? "" : "&").append(FormEncoding.encoded(e.getKey())).append('=').append(FormEncoding.encoded(FormEncoding.scalar(item)));
      }
    }
    String text = endpoint;
    int hash = text.indexOf('#');
    String fragment = hash < 0 ? "" : text.substring(hash);
    text = hash < 0 ? text : text.substring(0, hash);
    int mark = text.indexOf('?');
    return URI.create((mark < 0 ? text : text.substring(0, mark)) + "?" + q + fragment);
  }

  private static Map<String, String> headers(JsonNode h) {
    Map<String, String> out = new LinkedHashMap<>();
    if (h == null || h.isNull()) {
      return out;
    }
    if (!h.isObject()) {
      throw runtime("The HTTP Task's Headers must be an object of names to values, not " + Json.write(h));
    }
    for (Map.Entry<String, JsonNode> e : h.properties()) {
      String name = e.getKey();
      if (HttpHeaderRules.forbidden(name)) {
        throw runtime("The HTTP Task's Headers contain '" + name + "', a header an HTTP Task may not set");
      }
      if (e.getValue().isContainerNode()) {
        throw runtime("The HTTP Task's Headers." + name + " must be a string, not " + Json.write(e.getValue()));
      }
      if (!HttpHeaderRules.overridden(name)) {
        out.put(name, FormEncoding.scalar(e.getValue()));
      }
    }
    return out;
  }

  /** JSON by default; a string as it is; an object URL-encoded with Transform's URL_ENCODED. */
  private static byte[] body(JsonNode body, JsonNode transform, Map<String, String> headers) {
    if (body == null || body.isMissingNode()) {
      return null;
    }
    boolean urlEncoded = false;
    FormEncoding.ArrayFormat format = FormEncoding.ArrayFormat.INDICES;
    if (transform != null && !transform.isNull()) {
      String encoding = transform.path("RequestBodyEncoding").asText("NONE");
      urlEncoded = switch (encoding) {
        case "NONE" -> false;
        case "URL_ENCODED" -> true;
        default -> throw runtime("The HTTP Task's Transform.RequestBodyEncoding '" + encoding + "' is not NONE or URL_ENCODED");
      };
      JsonNode f = transform.path("RequestEncodingOptions").path("ArrayFormat");
      if (!f.isMissingNode()) {
        try {
          format = FormEncoding.ArrayFormat.valueOf(f.asText());
        } catch (IllegalArgumentException e) {
          throw runtime("The HTTP Task's Transform.RequestEncodingOptions.ArrayFormat '" + f.asText()
              + "' is not BRACKETS, COMMAS, INDICES or REPEAT");
        }
      }
    }
    String text;
    String type;
    if (body.isTextual()) {
      text = body.textValue();
      type = urlEncoded ? "application/x-www-form-urlencoded" : "application/json; charset=UTF-8";
    } else if (urlEncoded) {
      if (!body.isObject()) {
        throw runtime("The HTTP Task's RequestBody must be an object to be URL_ENCODED, not " + Json.write(body));
      }
      text = FormEncoding.encode(body, format);
      type = "application/x-www-form-urlencoded";
    } else {
      text = Json.write(body);
      type = "application/json; charset=UTF-8";
    }
    if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
      headers.put("Content-Type", type);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String connectionArn(JsonNode params) {
    for (String field : List.of("Authentication", "InvocationConfig")) {
      JsonNode arn = params.path(field).path("ConnectionArn");
      if (arn.isTextual()) {
        return arn.textValue();
      }
    }
    return null;
  }

  static TaskFailure runtime(String cause) {
    return new TaskFailure(StatesErrors.RUNTIME, cause);
  }
}
