package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code stepwise serve --auth sigv4}: GET /metrics, the console's graphs and unsigned API calls are
 * refused, saying what is missing; the console token (generated at start, or set) works as a
 * bearer for /metrics and signs the console in, whose cookie then serves the API and the graphs;
 * SDK calls signed with a key work as before. With auth none, all of it is open as it was.
 */
class ServeConsoleAuthTest {
  private static final String KEY = "AKIDSERVECONSOLE";
  private static final String SECRET = "serve/console/secret";
  private static final String DEFINITION = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ServeCommand serve;
  private CompletableFuture<Integer> exit;

  private URI start(Map<String, String> env, String... args) throws Exception {
    serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = env;
    CommandLine cmd = new CommandLine(serve);
    exit = CompletableFuture.supplyAsync(() -> cmd.execute(args));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    return serve.server().endpoint();
  }

  private URI startWithAuth(Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("keys"), "[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n");
    return start(env, "--port", "0", "--data", "store", "--auth", "sigv4", "--credentials", "keys");
  }

  @AfterEach
  void stop() throws Exception {
    if (serve != null) {
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> metrics(URI endpoint, String header, String value) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/metrics")).GET();
    if (header != null) {
      b.header(header, value);
    }
    return send(b);
  }

  private HttpResponse<String> graph(URI endpoint, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/console/graph.svg")).POST(HttpRequest.BodyPublishers.ofString(DEFINITION));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return send(b);
  }

  private HttpResponse<String> consoleApi(URI endpoint, String operation, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation).header("X-Stepwise-Console", "1")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return send(b);
  }

  private HttpResponse<String> signIn(URI endpoint, String token) throws Exception {
    return send(HttpRequest.newBuilder(endpoint.resolve("/console/session")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}")));
  }

  @Test
  void withAuthTheConsoleAndMetricsNeedTheGeneratedTokenAndSignedSdkCallsStillWork() throws Exception {
    URI endpoint = startWithAuth(Map.of());
    String token = serve.consoleSignIn().token();
    assertThat(token).as("generated at start: 32 random bytes").hasSizeGreaterThanOrEqualTo(43);
    assertThat(serve.consoleSignIn().announcement(endpoint)).as("the log line with the console's URL shows it")
        .startsWith("The console: " + endpoint + "/ (sign in with the console token " + token + ",");

    HttpResponse<String> open = metrics(endpoint, null, null);
    assertThat(open.statusCode()).isEqualTo(401);
    assertThat(open.body()).contains("send Authorization: Bearer <console token>").doesNotContain("process_uptime_seconds");
    assertThat(open.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"stepwise\"");
    assertThat(metrics(endpoint, "Authorization", "Bearer not-the-token").statusCode()).isEqualTo(401);
    HttpResponse<String> scraped = metrics(endpoint, "Authorization", "Bearer " + token);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("process_uptime_seconds");

    HttpResponse<String> drawn = graph(endpoint, null);
    assertThat(drawn.statusCode()).isEqualTo(401);
    assertThat(drawn.body()).contains("sign in to the console with its token");
    HttpResponse<String> unsigned = send(HttpRequest.newBuilder(endpoint.resolve("/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
    assertThat(consoleApi(endpoint, "ListStateMachines", null).statusCode()).isEqualTo(401);

    HttpResponse<String> wrong = signIn(endpoint, "a-wrong-token-of-some-length");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("not this server's console token");

    HttpResponse<String> signedIn = signIn(endpoint, token);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
      sfn.createStateMachine(b -> b.name("Signed").roleArn("arn:aws:iam::123456789012:role/r").definition(DEFINITION));
    }
    HttpResponse<String> listed = consoleApi(endpoint, "ListStateMachines", cookie);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"name\":\"Signed\"");
    assertThat(graph(endpoint, cookie).body()).contains("<svg");
    assertThat(metrics(endpoint, "Cookie", cookie).statusCode()).as("a signed-in console may read /metrics").isEqualTo(200);
  }

  @Test
  void aTokenSetInTheEnvironmentIsTheOneTakenAndIsNotShown() throws Exception {
    String token = "the-console-token-of-this-test";
    URI endpoint = startWithAuth(Map.of("STEPWISE_CONSOLE_TOKEN", token));
    assertThat(serve.consoleSignIn().announcement(endpoint)).doesNotContain(token).contains("the console token that was set");
    assertThat(metrics(endpoint, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    assertThat(signIn(endpoint, token).statusCode()).isEqualTo(200);
  }

  @Test
  void withAuthNoneTheConsoleAndMetricsAreOpenAsBefore() throws Exception {
    URI endpoint = start(Map.of(), "--port", "0", "--data", "store");
    assertThat(serve.server().config().host()).as("the default bind: loopback").isEqualTo("127.0.0.1");
    assertThat(metrics(endpoint, null, null).statusCode()).isEqualTo(200);
    assertThat(graph(endpoint, null).statusCode()).isEqualTo(200);
    assertThat(consoleApi(endpoint, "ListStateMachines", null).statusCode()).isEqualTo(200);
    assertThat(serve.consoleSignIn().announcement(endpoint)).isEqualTo("The console: " + endpoint + "/");
  }
}
