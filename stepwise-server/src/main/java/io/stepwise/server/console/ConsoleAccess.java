package io.stepwise.server.console;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.stepwise.server.auth.ConsoleSessions;
import io.stepwise.server.auth.SameOrigin;

/**
 * Who may have the data the console's routes and {@code /metrics} answer with: anyone when the
 * server does not verify signatures ({@link #OPEN}); else a browser signed in to the console (its
 * session cookie, from a page of the server's own origin) or, for {@code /metrics}, a scraper
 * sending {@code Authorization: Bearer <console token>}. The page and its scripts hold no data and
 * are served to anyone.
 */
public final class ConsoleAccess {
  /** Every request may: the server takes any credentials. */
  public static final ConsoleAccess OPEN = new ConsoleAccess(null);

  private final ConsoleSessions sessions;

  private ConsoleAccess(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  /** Only the console's signed-in sessions (and, for {@code /metrics}, the token as a bearer). */
  public static ConsoleAccess signedIn(ConsoleSessions sessions) {
    return new ConsoleAccess(java.util.Objects.requireNonNull(sessions));
  }

  /** The sessions checked, or null when {@link #OPEN}. */
  ConsoleSessions sessions() {
    return sessions;
  }

  /** A refused request: its status and a message saying what it lacks (text, written by {@link #answer}). */
  static final class Refused extends HttpResponseException {
    final String challenge;

    Refused(int status, String message, String challenge) {
      super(status, message);
      this.challenge = challenge;
    }
  }

  /** The guard of {@code GET /metrics}: the bearer token or the console's session; else 401. */
  public void metrics(Context ctx) {
    if (sessions == null || sessions.bearer(ctx.header("Authorization")) || session(ctx)) {
      return;
    }
    throw new Refused(401, "GET /metrics needs the console token: send Authorization: Bearer <console token> (scrape_configs:"
        + " authorization: credentials: <console token>), or sign in to the console with it", "Bearer realm=\"stepwise\"");
  }

  /** The guard of the console's data routes (drawing a graph): the console's session; else 401. */
  void console(Context ctx) {
    if (sessions == null) {
      return;
    }
    if (!SameOrigin.test(ctx.header("Origin"), ctx.header("Host"))) {
      throw new Refused(403, "The console's session is refused to a page of another origin (" + ctx.header("Origin") + ")", null);
    }
    if (!sessions.signedIn(ctx.header("Cookie"))) {
      throw new Refused(401, "This server verifies signatures: sign in to the console with its token (POST /console/session)", null);
    }
  }

  private boolean session(Context ctx) {
    return SameOrigin.test(ctx.header("Origin"), ctx.header("Host")) && sessions.signedIn(ctx.header("Cookie"));
  }

  /** Writes a refusal as text (what a person or Prometheus' error shows). */
  static void answer(Refused e, Context ctx) {
    if (e.challenge != null) {
      ctx.header("WWW-Authenticate", e.challenge);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.status(e.getStatus()).contentType("text/plain; charset=utf-8").result(e.getMessage());
  }
}
