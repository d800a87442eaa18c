package io.stepwise.server.auth;

import java.util.List;
import java.util.Map;

/**
 * What a signature covers of one HTTP request, as it arrived: the method, the path and query as
 * sent (still percent-encoded), the headers by lower-case name with every value in order, and the
 * body.
 */
public record HttpRequestParts(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
  /** The values of a header joined by commas, as a signature sees them; null when absent. */
  public String header(String lowerCaseName) {
    List<String> v = headers.get(lowerCaseName);
    return v == null || v.isEmpty() ? null : String.join(",", v);
  }
}
