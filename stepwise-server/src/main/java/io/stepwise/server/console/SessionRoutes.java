package io.stepwise.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.stepwise.server.auth.ConsoleSessions;
import io.stepwise.server.auth.SameOrigin;

/**
 * The console's sign-in, {@code /console/session}: {@code GET} tells whether the server verifies
 * signatures and whether this browser is signed in; {@code POST {"token": "..."}} signs in with the
 * console token, answered with an HttpOnly, SameSite=Strict cookie holding a new session's random id;
 * {@code DELETE} signs out. Answers are JSON with a {@code message} when refused.
 */
final class SessionRoutes {
  static final String PATH = "/console/session";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConsoleSessions sessions;

  private SessionRoutes(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  static void install(JavalinConfig cfg, ConsoleAccess access) {
    SessionRoutes r = new SessionRoutes(access.sessions());
    cfg.routes.get(PATH, r::state);
    cfg.routes.post(PATH, r::signIn);
    cfg.routes.delete(PATH, r::signOut);
  }

  private void state(Context ctx) {
    ObjectNode body = JSON.createObjectNode();
    body.put("signInRequired", sessions != null);
    body.put("signedIn", sessions != null && sessions.signedIn(ctx.header("Cookie")));
    answer(ctx, 200, body);
  }

  private void signIn(Context ctx) {
    if (refusedHere(ctx)) {
      return;
    }
    String token = null;
    try {
      JsonNode body = JSON.readTree(ctx.bodyAsBytes());
      if (body != null && body.path("token").isTextual()) {
        token = body.get("token").asText();
      }
    } catch (java.io.IOException notJson) {
      // answered below
    }
    if (token == null) {
      answer(ctx, 400, message("Sign in with a JSON body {\"token\": \"<console token>\"}"));
      return;
    }
    switch (sessions.signIn(token)) {
      case ConsoleSessions.SignIn.Session s -> {
        ctx.header("Set-Cookie", cookie(ctx, s.id(), ConsoleSessions.LIFETIME.toSeconds()));
        ObjectNode body = JSON.createObjectNode();
        body.put("signedIn", true);
        body.put("expires", s.expires().toString());
        answer(ctx, 200, body);
      }
      case ConsoleSessions.SignIn.WrongToken w -> answer(ctx, 401, message("That is not this server's console token (it was printed"
          + " when the server started, unless set with --console-token, STEPWISE_CONSOLE_TOKEN or auth.consoleToken)"));
      case ConsoleSessions.SignIn.TooManyFailures t -> {
        long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toMillisPart() > 0 ? 1 : 0));
        ctx.header("Retry-After", Long.toString(seconds));
        answer(ctx, 429, message("Too many wrong console tokens (at most " + ConsoleSessions.FAILURES_PER_MINUTE
            + " a minute): try again in " + seconds + " s"));
      }
    }
  }

  private void signOut(Context ctx) {
    if (refusedHere(ctx)) {
      return;
    }
    sessions.signOut(ctx.header("Cookie"));
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
    ObjectNode body = JSON.createObjectNode();
    body.put("signedIn", false);
    answer(ctx, 200, body);
  }

  /** A server that takes any credentials has nothing to sign in to; a page of another origin may not sign in or out. */
  private boolean refusedHere(Context ctx) {
    if (sessions == null) {
      answer(ctx, 400, message("This server takes any credentials: the console needs no sign-in"));
      return true;
    }
    if (!SameOrigin.test(ctx.header("Origin"), ctx.header("Host"))) {
      answer(ctx, 403, message("Signing in to the console is refused to a page of another origin (" + ctx.header("Origin") + ")"));
      return true;
    }
    return false;
  }

  /** The session cookie: never readable by scripts, never sent with another site's requests; Secure over HTTPS. */
  private String cookie(Context ctx, String value, long maxAgeSeconds) {
    return sessions.cookieName() + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
        + ("https".equals(ctx.scheme()) ? "; Secure" : "");
  }

  private static ObjectNode message(String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("message", text);
    return body;
  }

  private static void answer(Context ctx, int status, ObjectNode body) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
