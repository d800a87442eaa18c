package io.stepwise.server.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical request of Signature Version 4, as the AWS SDKs build it for a service other than
 * S3: the method; the path with each segment URI-encoded once more (the SDKs encode the path they
 * send again); the query's parameters encoded and sorted; each signed header's values trimmed,
 * inner runs of spaces made one, joined by commas; the signed header names; the payload hash.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  static String of(HttpRequestParts r, List<String> signedHeaders, String payloadHash) {
    StringBuilder b = new StringBuilder();
    b.append(r.method()).append('\n');
    b.append(path(r.rawPath())).append('\n');
    b.append(query(r.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      List<String> values = r.headers().get(name);
      List<String> trimmed = new ArrayList<>();
      if (values != null) {
        for (String v : values) {
          trimmed.add(v.strip().replaceAll(" +", " "));
        }
      }
      b.append(name).append(':').append(String.join(",", trimmed)).append('\n');
    }
    b.append('\n');
    b.append(String.join(";", signedHeaders)).append('\n');
    b.append(payloadHash);
    return b.toString();
  }

  private static String path(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    StringBuilder b = new StringBuilder();
    String[] segments = raw.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(encode(segments[i]));
    }
    return b.toString();
  }

  private static String query(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    for (String p : raw.split("&")) {
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String k = eq < 0 ? p : p.substring(0, eq);
      String v = eq < 0 ? "" : p.substring(eq + 1);
      params.add(new String[] {encode(decode(k)), encode(decode(v))});
    }
    params.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
    List<String> out = new ArrayList<>();
    for (String[] p : params) {
      out.add(p[0] + "=" + p[1]);
    }
    return String.join("&", out);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** RFC 3986 encoding: every byte but the unreserved characters as %XX, upper-case. */
  static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
