package io.stepwise.cli.serve;

import io.stepwise.server.auth.ConsoleSessions;
import io.stepwise.server.console.ConsoleAccess;
import java.net.URI;
import java.time.InstantSource;

/**
 * How the console and {@code /metrics} are reached: open to anyone with auth none (as the API);
 * with auth sigv4, behind the console token, the one set or else one generated at start, which the
 * line announcing the console's URL then shows (the only place it is ever written).
 *
 * @param sessions null with auth none
 * @param token null with auth none
 */
public record ConsoleSignIn(ConsoleAccess access, ConsoleSessions sessions, String token, boolean generated) {
  public static ConsoleSignIn of(ServeSettings settings, InstantSource clock) {
    if (settings.auth() != Setting.AuthMode.SIGV4) {
      return new ConsoleSignIn(ConsoleAccess.OPEN, null, null, false);
    }
    boolean generated = settings.consoleToken() == null;
    String token = generated ? ConsoleSessions.generateToken() : settings.consoleToken();
    ConsoleSessions sessions = new ConsoleSessions(token, clock);
    return new ConsoleSignIn(ConsoleAccess.signedIn(sessions), sessions, token, generated);
  }

  /** The log line that tells where the console is, and how to sign in to it. */
  public String announcement(URI endpoint) {
    if (sessions == null) {
      return "The console: " + endpoint + "/";
    }
    return "The console: " + endpoint + "/ (sign in with the console token " + (generated
        ? token + ", made for this run: set --console-token, " + Setting.CONSOLE_TOKEN.env + " or auth.consoleToken to keep one"
        : "that was set") + "; /metrics takes it as Authorization: Bearer)";
  }

  @Override
  public String toString() {
    return "ConsoleSignIn[" + (sessions == null ? "open" : "token " + (generated ? "generated" : "set")) + "]";
  }
}
