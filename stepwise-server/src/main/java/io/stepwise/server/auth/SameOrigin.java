package io.stepwise.server.auth;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a browser's request comes from a page of the server it is sent to: its {@code Origin}
 * (sent on every POST, and on cross-origin GETs) names the host and port of its {@code Host}
 * header. A request without {@code Origin} is not a browser's cross-origin one, and passes.
 */
public final class SameOrigin {
  private SameOrigin() {}

  public static boolean test(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI o = URI.create(origin.strip());
      String authority = o.getRawAuthority();
      return authority != null && (o.getScheme().equals("http") || o.getScheme().equals("https"))
          && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException bad) {
      return false;
    }
  }
}
