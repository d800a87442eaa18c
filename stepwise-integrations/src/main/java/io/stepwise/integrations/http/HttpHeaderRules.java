package io.stepwise.integrations.http;

import java.util.Locale;
import java.util.Set;

/**
 * The request headers an HTTP Task may not set, as AWS lists them (call-https-apis, "Headers"):
 * using one fails the task with States.Runtime. {@code Authorization} is among them too: AWS's
 * validator refuses it ("The 'Headers' field contains unsupported values"), credentials being the
 * connection's business. The headers Step Functions sets itself, {@link #USER_AGENT_PREFIX} (with
 * the region) and {@link #RANGE}, cannot be given another value: a value given is not sent.
 */
final class HttpHeaderRules {
  static final String USER_AGENT_PREFIX = "Amazon|StepFunctions|HttpInvoke|";
  /** AWS asks for at most the payload quota. */
  static final String RANGE = "bytes=0-262144";

  private static final Set<String> FORBIDDEN = Set.of(
      "a-im", "accept-charset", "accept-datetime", "accept-encoding", "authorization", "cache-control", "connection",
      "content-encoding", "content-md5", "date", "expect", "forwarded", "from", "host", "http2-settings",
      "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "max-forwards", "origin",
      "pragma", "proxy-authorization", "referer", "server", "te", "trailer", "transfer-encoding", "upgrade", "via",
      "warning");
  /** Set by Step Functions (or, for the length, by the body): a value given for them is not sent. */
  private static final Set<String> OVERRIDDEN = Set.of("user-agent", "range", "content-length");

  private HttpHeaderRules() {}

  static boolean overridden(String name) {
    return OVERRIDDEN.contains(name.toLowerCase(Locale.ROOT));
  }

  static boolean forbidden(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return FORBIDDEN.contains(n) || n.startsWith("x-forwarded-") || n.startsWith("x-amz-") || n.startsWith("x-amzn-");
  }
}
