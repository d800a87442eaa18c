package io.stepwise.server.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sign-in when the API verifies signatures: a browser cannot sign with AWS keys, so
 * the console's user gives the server's console token once and gets a session, a random id kept
 * in memory (never the token) that a cookie carries; it ends after {@link #LIFETIME}, at sign-out,
 * or when the server stops. The token is compared in constant time, and wrong tokens are limited
 * to {@link #FAILURES_PER_MINUTE} a minute (then every attempt is refused until the minute is
 * over), so that a chosen token cannot be guessed quickly.
 */
public final class ConsoleSessions {
  public static final Duration LIFETIME = Duration.ofHours(12);
  public static final int FAILURES_PER_MINUTE = 10;
  /** Sent by the console's own requests: a page of another site cannot add it without CORS, which is not served. */
  public static final String CONSOLE_HEADER = "X-Stepwise-Console";
  /** A chosen token shorter than this is refused at start. */
  public static final int MIN_TOKEN_LENGTH = 16;
  /** Sessions kept at most; the oldest goes first (each sign-in makes one). */
  static final int MAX_SESSIONS = 1000;
  private static final String COOKIE_PREFIX = "stepwise-session-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] tokenDigest;
  private final InstantSource clock;
  /** Unique to this server's run, so that two servers on one host (cookies ignore ports) keep their own cookie. */
  private final String cookieName;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final Deque<Instant> failures = new ArrayDeque<>();

  public ConsoleSessions(String token, InstantSource clock) {
    if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("a console token must be at least " + MIN_TOKEN_LENGTH + " characters"
          + (token == null ? "" : " (this one has " + token.strip().length() + ")") + "; leave it unset to have one generated");
    }
    this.tokenDigest = SigV4Verifier.sha256(token.strip());
    this.clock = clock;
    this.cookieName = COOKIE_PREFIX + HexFormat.of().formatHex(random(4));
  }

  /** A new token: 32 random bytes, URL-safe Base64 (43 characters). */
  public static String generateToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
  }

  /** The name of the cookie that carries this server's session id. */
  public String cookieName() {
    return cookieName;
  }

  /** What a sign-in came to: a session id, or why there is none. */
  public sealed interface SignIn {
    record Session(String id, Instant expires) implements SignIn {}

    record WrongToken() implements SignIn {}

    /** Too many wrong tokens in the last minute: every attempt is refused for this long. */
    record TooManyFailures(Duration retryAfter) implements SignIn {}
  }

  /** Starts a session when the token is the console's. */
  public SignIn signIn(String token) {
    Duration wait = lockedOutFor();
    if (wait != null) {
      return new SignIn.TooManyFailures(wait);
    }
    if (!matches(token)) {
      failed();
      return new SignIn.WrongToken();
    }
    Instant now = clock.instant();
    expiries.values().removeIf(e -> !e.isAfter(now));
    while (expiries.size() >= MAX_SESSIONS) {
      expiries.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> expiries.remove(e.getKey()));
    }
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    Instant expires = now.plus(LIFETIME);
    expiries.put(id, expires);
    return new SignIn.Session(id, expires);
  }

  /**
   * Whether {@code Authorization: Bearer TOKEN} carries the console token (how Prometheus scrapes
   * {@code /metrics}); a wrong one counts as a failed sign-in, and none is taken while locked out.
   */
  public boolean bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || lockedOutFor() != null) {
      return false;
    }
    if (matches(authorization.substring(7))) {
      return true;
    }
    failed();
    return false;
  }

  /** Whether a {@code Cookie} header carries a session of this server that has not ended. */
  public boolean signedIn(String cookieHeader) {
    String id = sessionId(cookieHeader);
    if (id == null) {
      return false;
    }
    Instant expires = expiries.get(id);
    if (expires == null) {
      return false;
    }
    if (!expires.isAfter(clock.instant())) {
      expiries.remove(id);
      return false;
    }
    return true;
  }

  /** Ends the session a {@code Cookie} header carries, if any. */
  public void signOut(String cookieHeader) {
    String id = sessionId(cookieHeader);
    if (id != null) {
      expiries.remove(id);
    }
  }

  /** This server's session id in a {@code Cookie} header ({@code a=1; b=2}), or null. */
  String sessionId(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String pair : cookieHeader.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equals(cookieName)) {
        return pair.substring(eq + 1).strip();
      }
    }
    return null;
  }

  /** Digests first, so that the comparison takes as long whatever the length of the guess. */
  private boolean matches(String token) {
    return token != null && MessageDigest.isEqual(tokenDigest, SigV4Verifier.sha256(token.strip()));
  }

  private synchronized void failed() {
    failures.addLast(clock.instant());
  }

  /** How long until the oldest failure of the last minute leaves it, when the minute has its fill; else null. */
  private synchronized Duration lockedOutFor() {
    Instant now = clock.instant();
    Instant minuteAgo = now.minus(Duration.ofMinutes(1));
    while (!failures.isEmpty() && !failures.peekFirst().isAfter(minuteAgo)) {
      failures.removeFirst();
    }
    if (failures.size() < FAILURES_PER_MINUTE) {
      return null;
    }
    return Duration.between(minuteAgo, failures.peekFirst());
  }

  private static byte[] random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Not the token. */
  @Override
  public String toString() {
    return "ConsoleSessions[" + expiries.size() + " sessions]";
  }
}
