package io.stepwise.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A server on a free port with a clock the test moves, and the clients that talk to it: the AWS
 * SDK for Java v2 as users configure it for a local endpoint (dummy static credentials, us-east-1,
 * endpointOverride; no retries, so each call is one request), and raw HTTP for what no SDK sends.
 */
public final class TestServer implements AutoCloseable {
  public static final String ROLE = "arn:aws:iam::123456789012:role/StepwiseTest";
  public static final String PASS = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";
  private static final AtomicInteger NAMES = new AtomicInteger();

  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123Z"));
  public final Server server;
  public final SfnClient sfn;
  private final HttpClient http = HttpClient.newHttpClient();

  public TestServer() {
    this(b -> {});
  }

  public TestServer(Consumer<Server.Builder> setup) {
    this(ServerConfig.defaults().withPort(0), setup);
  }

  public TestServer(ServerConfig config, Consumer<Server.Builder> setup) {
    Server.Builder builder = Server.builder(config).clock(clock);
    setup.accept(builder);
    server = builder.build().start();
    sfn = SfnClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A name no other test in the run uses. */
  public static String unique(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  public String stateMachineArn(String name) {
    return "arn:aws:states:us-east-1:123456789012:stateMachine:" + name;
  }

  /** POSTs a body with the given target (null: no target header) and returns the raw answer. */
  public HttpResponse<String> post(String target, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    sfn.close();
    server.stop();
  }
}
