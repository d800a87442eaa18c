package io.stepwise.integrations.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP Task call as it went over the wire, for TestState's TRACE level: what was sent and, when
 * an answer came, what came back.
 *
 * @param response null when no answer came (the endpoint could not be reached, the call timed out)
 */
public record HttpExchange(Sent request, Received response) {
  /** The request: method, URL (query string included), headers as sent, body as text (null when none). */
  public record Sent(String protocol, String method, String url, Map<String, List<String>> headers, String body) {}

  /** The answer: status code and reason phrase, headers, body as text. */
  public record Received(String protocol, int statusCode, String statusMessage, Map<String, List<String>> headers, String body) {}
}
