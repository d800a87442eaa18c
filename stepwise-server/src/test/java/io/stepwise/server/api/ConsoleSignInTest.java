package io.stepwise.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.server.MutableClock;
import io.stepwise.server.TestServer;
import io.stepwise.server.auth.ConsoleSessions;
import io.stepwise.server.auth.Credentials;
import io.stepwise.server.console.ConsoleAccess;
import io.stepwise.server.console.ConsoleRoutes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The console on a server that verifies signatures, over real HTTP: its data (the API, the graphs)
 * is refused until the browser signs in with the console token; the session cookie then serves the
 * console's own requests, not another page's nor a request without the console's header; it ends at
 * sign-out or after 12 hours; wrong tokens are limited. SDK calls signed with a key work as before.
 */
class ConsoleSignInTest {
  private static final String TOKEN = "console-token-for-tests-0123456789";
  private static final String KEY = "AKIDCONSOLETEST";
  private static final String SECRET = "console/test/secret";

  private final MutableClock sessionClock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ConsoleSessions sessions = new ConsoleSessions(TOKEN, sessionClock);
  private TestServer api;

  private void start(boolean auth) {
    api = new TestServer(b -> {
      if (auth) {
        b.verifySignatures(List.of(new Credentials(KEY, SECRET, null, "default"))).consoleSessions(sessions);
      }
      b.routes((cfg, services) -> ConsoleRoutes.install(cfg, auth ? ConsoleAccess.signedIn(sessions) : ConsoleAccess.OPEN));
    });
    api.clock.set(Instant.now()); // the SDK signs with the real time
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private URI at(String path) {
    return URI.create(api.server.endpoint() + path);
  }

  /** The API as the console's api() calls it: the target, the console's header, the cookie when given. */
  private HttpResponse<String> consoleCall(String operation, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(at("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation).header(ConsoleSessions.CONSOLE_HEADER, "1")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return api.send(b.build());
  }

  private HttpResponse<String> graph(String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(at("/console/graph.svg")).POST(HttpRequest.BodyPublishers.ofString(TestServer.PASS));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return api.send(b.build());
  }

  private HttpResponse<String> signIn(String token) throws Exception {
    return api.send(HttpRequest.newBuilder(at("/console/session")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}")).build());
  }

  /** Signs in and returns the cookie as the browser sends it back ({@code name=value}). */
  private String sessionCookie() throws Exception {
    HttpResponse<String> r = signIn(TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void withoutASessionTheConsolesDataIsRefusedSayingWhatIsMissing() throws Exception {
    start(true);
    HttpResponse<String> unsigned = api.post("AWSStepFunctions.ListStateMachines", "{}");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).as("an SDK's unsigned call gets AWS's error, as before").contains("MissingAuthenticationTokenException");

    HttpResponse<String> console = consoleCall("ListStateMachines", null);
    assertThat(console.statusCode()).isEqualTo(401);
    assertThat(console.body()).contains("ConsoleSignInRequired").contains("sign in to the console with its token");

    HttpResponse<String> drawn = graph(null);
    assertThat(drawn.statusCode()).isEqualTo(401);
    assertThat(drawn.body()).contains("sign in to the console with its token").doesNotContain("<svg");

    HttpResponse<String> page = api.send(HttpRequest.newBuilder(at("/")).GET().build());
    assertThat(page.statusCode()).as("the page holds no data: it loads, to show its sign-in form").isEqualTo(200);
    HttpResponse<String> state = api.send(HttpRequest.newBuilder(at("/console/session")).GET().build());
    assertThat(state.body()).isEqualTo("{\"signInRequired\":true,\"signedIn\":false}");
  }

  @Test
  void theSessionCookieOfASignInServesTheConsolesApiCallsAndGraphs() throws Exception {
    start(true);
    HttpResponse<String> r = signIn(TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Max-Age=43200").contains("Path=/")
        .doesNotContain(TOKEN);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    HttpResponse<String> list = consoleCall("ListStateMachines", cookie);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("stateMachines");
    HttpResponse<String> drawn = graph(cookie);
    assertThat(drawn.statusCode()).isEqualTo(200);
    assertThat(drawn.body()).contains("<svg");
    HttpResponse<String> state = api.send(HttpRequest.newBuilder(at("/console/session")).header("Cookie", cookie).GET().build());
    assertThat(state.body()).contains("\"signedIn\":true");
  }

  @Test
  void theCookieIsNotTakenWithoutTheConsolesHeaderNorFromAnotherOrigin() throws Exception {
    start(true);
    String cookie = sessionCookie();
    HttpResponse<String> noHeader = api.send(HttpRequest.newBuilder(at("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines").header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(noHeader.body()).contains("MissingAuthenticationTokenException");

    HttpResponse<String> noTarget = api.send(HttpRequest.newBuilder(at("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header(ConsoleSessions.CONSOLE_HEADER, "1").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(noTarget.statusCode()).isEqualTo(403);
    assertThat(noTarget.body()).contains("X-Amz-Target");

    HttpResponse<String> elsewhere = api.send(HttpRequest.newBuilder(at("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines").header(ConsoleSessions.CONSOLE_HEADER, "1")
        .header("Cookie", cookie).header("Origin", "http://attacker.example").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(elsewhere.body()).contains("another origin (http://attacker.example)");

    HttpResponse<String> graphElsewhere = api.send(HttpRequest.newBuilder(at("/console/graph.svg")).header("Cookie", cookie)
        .header("Origin", "http://attacker.example").POST(HttpRequest.BodyPublishers.ofString(TestServer.PASS)).build());
    assertThat(graphElsewhere.statusCode()).isEqualTo(403);

    HttpResponse<String> sameOrigin = api.send(HttpRequest.newBuilder(at("/console/graph.svg")).header("Cookie", cookie)
        .header("Origin", api.server.endpoint().toString()).POST(HttpRequest.BodyPublishers.ofString(TestServer.PASS)).build());
    assertThat(sameOrigin.statusCode()).as("the console's own page sends its origin").isEqualTo(200);
  }

  @Test
  void aWrongTokenIsRefusedAndTooManyLockSignInOutForAMinute() throws Exception {
    start(true);
    HttpResponse<String> wrong = signIn("not-the-console-token-at-all");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("That is not this server's console token");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> notJson = api.send(HttpRequest.newBuilder(at("/console/session"))
        .POST(HttpRequest.BodyPublishers.ofString(TOKEN)).build());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("{\\\"token\\\": \\\"<console token>\\\"}");

    for (int i = 1; i < ConsoleSessions.FAILURES_PER_MINUTE; i++) {
      assertThat(signIn("wrong-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = signIn(TOKEN);
    assertThat(locked.statusCode()).as("even the right token waits: guessing gets 10 tries a minute").isEqualTo(429);
    assertThat(locked.body()).contains("Too many wrong console tokens");
    assertThat(locked.headers().firstValue("Retry-After")).hasValue("60");
    sessionClock.advance(Duration.ofSeconds(61));
    assertThat(signIn(TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionEndsAtSignOutOrAfterTwelveHours() throws Exception {
    start(true);
    String cookie = sessionCookie();
    HttpResponse<String> out = api.send(HttpRequest.newBuilder(at("/console/session")).header("Cookie", cookie).DELETE().build());
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(consoleCall("ListStateMachines", cookie).statusCode()).as("signed out").isEqualTo(401);

    String next = sessionCookie();
    sessionClock.advance(Duration.ofHours(11));
    assertThat(consoleCall("ListStateMachines", next).statusCode()).isEqualTo(200);
    sessionClock.advance(Duration.ofHours(1));
    HttpResponse<String> ended = consoleCall("ListStateMachines", next);
    assertThat(ended.statusCode()).isEqualTo(401);
    assertThat(ended.body()).contains("session has ended");
  }

  @Test
  void sdkCallsSignedWithAKnownKeyStillWork() {
    start(true);
    try (SfnClient sfn = SfnClient.builder().endpointOverride(api.server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
      String name = TestServer.unique("signed");
      sfn.createStateMachine(b -> b.name(name).roleArn(TestServer.ROLE).definition(TestServer.PASS));
      assertThat(sfn.listStateMachines().stateMachines()).extracting(m -> m.name()).contains(name);
    }
  }

  @Test
  void withoutSignatureVerificationNothingAsksForASignIn() throws Exception {
    start(false);
    assertThat(consoleCall("ListStateMachines", null).statusCode()).isEqualTo(200);
    assertThat(api.post("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
    assertThat(graph(null).statusCode()).isEqualTo(200);
    HttpResponse<String> state = api.send(HttpRequest.newBuilder(at("/console/session")).GET().build());
    assertThat(state.body()).isEqualTo("{\"signInRequired\":false,\"signedIn\":false}");
    HttpResponse<String> signIn = signIn(TOKEN);
    assertThat(signIn.statusCode()).isEqualTo(400);
    assertThat(signIn.body()).contains("needs no sign-in");
  }
}
