package io.stepwise.server.auth;

import io.stepwise.server.protocol.ApiException;

/**
 * The API's check when signatures are verified and the console has sessions: a request the
 * console's page sends ({@value ConsoleSessions#CONSOLE_HEADER} header) is served on its session
 * cookie, every other one needs its signature as before (SDKs and the CLI see AWS's errors,
 * unchanged). A console request must also name its operation in {@code X-Amz-Target} and, when the
 * browser tells its {@code Origin}, come from the server's own; with the SameSite=Strict cookie and
 * a header no other site can add without CORS, a page elsewhere cannot act with the session.
 */
public final class ConsoleOrSignature implements Authenticator {
  /** The status and code a console request without a session gets: what the page answers with its sign-in form. */
  public static final int SIGN_IN_STATUS = 401;
  public static final String SIGN_IN_CODE = "ConsoleSignInRequired";

  private final ConsoleSessions sessions;
  private final SigV4Verifier signatures;

  public ConsoleOrSignature(ConsoleSessions sessions, SigV4Verifier signatures) {
    this.sessions = sessions;
    this.signatures = signatures;
  }

  public SigV4Verifier signatures() {
    return signatures;
  }

  @Override
  public void authenticate(HttpRequestParts request, String service) {
    if (request.header(ConsoleSessions.CONSOLE_HEADER.toLowerCase(java.util.Locale.ROOT)) == null) {
      signatures.authenticate(request, service);
      return;
    }
    if (request.header("x-amz-target") == null) {
      throw new ApiException(403, "AccessDeniedException", "A console request must name its operation in X-Amz-Target");
    }
    if (!SameOrigin.test(request.header("origin"), request.header("host"))) {
      throw new ApiException(403, "AccessDeniedException", "The console's session is refused to a page of another origin ("
          + request.header("origin") + ")");
    }
    if (!sessions.signedIn(request.header("cookie"))) {
      throw new ApiException(SIGN_IN_STATUS, SIGN_IN_CODE, request.header("cookie") != null
          && sessions.sessionId(request.header("cookie")) != null
          ? "The console's session has ended (it lasts " + ConsoleSessions.LIFETIME.toHours() + " h): sign in to the console with its token again"
          : "This server verifies signatures: sign in to the console with its token");
    }
  }
}
