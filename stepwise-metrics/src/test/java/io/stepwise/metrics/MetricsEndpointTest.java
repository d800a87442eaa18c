package io.stepwise.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.UnauthorizedResponse;
import io.stepwise.engine.Engine;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * A real server with the metrics attached, driven through the AWS SDK: Standard executions (one
 * succeeds, one fails) and an Express one, then {@code GET /metrics} over HTTP shows AWS's metric
 * names with the state machine, Lambda function and service integration labels.
 */
class MetricsEndpointTest {
  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/StepwiseTest";
  private static final String FN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:charge";
  private static final String SLOW = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:slow";
  private static final String INVOKE = "arn:aws:states:::lambda:invoke";
  private static final String ORDERS = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "%s", "Next": "Notify"},
        "Notify": {"Type": "Task", "Resource": "%s", "Parameters": {"FunctionName": "%s", "Payload.$": "$"},
                   "ResultPath": null, "Next": "Check"},
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "IsPresent": true, "Next": "Bad"}], "Default": "Done"},
        "Bad": {"Type": "Fail", "Error": "Refused"},
        "Done": {"Type": "Succeed"}}}""".formatted(FN, INVOKE, FN);
  private static final String PASS = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

  private ExecutionBackend backend;
  private Server server;
  private SfnClient sfn;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);

  @BeforeEach
  void start() {
    start(ServerConfig.defaults().withPort(0));
  }

  private void start(ServerConfig config) {
    Engine engine = Engine.builder().region("us-east-1").account(ACCOUNT)
        .invoker(FN, request -> request.input())
        .invoker(INVOKE, request -> request.input())
        .invoker(SLOW, request -> {
          entered.countDown();
          release.await();
          return request.input();
        })
        .build();
    backend = ExecutionBackend.inMemory(engine, InstantSource.system());
    Server.Builder builder = Server.builder(config)
        .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1))));
    ServerMetrics.attach(builder, engine, backend.runtime(), ctx -> {
      if (!"let-me-in".equals(ctx.header("X-Token"))) {
        throw new UnauthorizedResponse("a token is needed");
      }
    });
    server = builder.build().start();
    sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    close();
  }

  private void close() {
    sfn.close();
    server.stop();
    backend.close();
  }

  @Test
  void executionsAndTheirTasksShowUnderAwsNamesWithTheirArns() throws Exception {
    String orders = sfn.createStateMachine(b -> b.name("Orders").roleArn(ROLE).definition(ORDERS)).stateMachineArn();
    String fast = sfn.createStateMachine(b -> b.name("Fast").roleArn(ROLE).definition(PASS).type(StateMachineType.EXPRESS))
        .stateMachineArn();
    sfn.startExecution(b -> b.stateMachineArn(orders).input("{}"));
    sfn.startExecution(b -> b.stateMachineArn(orders).input("{\"fail\": true}"));
    sfn.startExecution(b -> b.stateMachineArn(fast).input("{}"));

    String text = scrapeUntil(t -> value(t, "stepwise_ExecutionTime_seconds_count", "StateMachineArn", orders) == 2
        && value(t, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", fast) == 1);

    assertThat(value(text, "stepwise_ExecutionsStarted_total", "StateMachineArn", orders)).isEqualTo(2);
    assertThat(value(text, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", orders)).isEqualTo(1);
    assertThat(value(text, "stepwise_ExecutionsFailed_total", "StateMachineArn", orders)).isEqualTo(1);
    assertThat(value(text, "stepwise_ExecutionsStarted_total", "StateMachineArn", fast)).isEqualTo(1);
    assertThat(value(text, "stepwise_ExecutionsFailed_total", "StateMachineArn", fast)).as("absent").isEqualTo(-1);
    assertThat(value(text, "stepwise_LambdaFunctionsScheduled_total", "LambdaFunctionArn", FN)).isEqualTo(2);
    assertThat(value(text, "stepwise_LambdaFunctionsSucceeded_total", "LambdaFunctionArn", FN)).isEqualTo(2);
    assertThat(value(text, "stepwise_LambdaFunctionTime_seconds_count", "LambdaFunctionArn", FN)).isEqualTo(2);
    assertThat(value(text, "stepwise_ServiceIntegrationsSucceeded_total", "ServiceIntegrationResourceArn", INVOKE)).isEqualTo(2);
    assertThat(value(text, "stepwise_ServiceIntegrationRunTime_seconds_count", "ServiceIntegrationResourceArn", INVOKE))
        .isEqualTo(2);
    assertThat(text).contains("jvm_memory_used_bytes").contains("stepwise_runtime_executions_in_memory")
        .contains("stepwise_runtime_commits_total");
  }

  @Test
  void theRuntimesStepsAndCommitsAreTimedAndEachCommitsWritesCounted() throws Exception {
    String orders = sfn.createStateMachine(b -> b.name("Orders").roleArn(ROLE).definition(ORDERS)).stateMachineArn();
    sfn.startExecution(b -> b.stateMachineArn(orders).input("{}"));
    // a scrape reads one meter after another while steps go on: wait for one taken after the last step throughout
    String one = scrapeUntil(t -> value(t, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", orders) == 1
        && sample(t, "stepwise_runtime_step_latency_seconds_count") == 3);
    // a Standard Orders execution is three steps: its start, and each of its two tasks' results
    assertThat(sample(one, "stepwise_runtime_step_latency_seconds_count")).isEqualTo(3);
    sfn.startExecution(b -> b.stateMachineArn(orders).input("{}"));
    String text = scrapeUntil(t -> value(t, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", orders) == 2
        && sample(t, "stepwise_runtime_executions_ready") == 0 && sample(t, "stepwise_runtime_step_latency_seconds_count") == 6
        && sample(t, "stepwise_runtime_commit_writes_count") == sample(t, "stepwise_runtime_commits_total"));

    assertThat(sample(text, "stepwise_runtime_step_latency_seconds_count")).as("grows with the steps run").isEqualTo(6);
    assertThat(sample(text, "stepwise_runtime_step_latency_seconds_sum")).isPositive();
    assertThat(sample(text, "stepwise_runtime_step_latency_seconds_max")).isPositive();
    assertThat(value(text, "stepwise_runtime_step_latency_seconds_bucket", "le", "+Inf")).isEqualTo(6);
    assertThat(value(text, "stepwise_runtime_step_latency_seconds_bucket", "le", "0.001")).isBetween(0.0, 6.0);
    double commits = sample(text, "stepwise_runtime_commits_total");
    assertThat(commits).isBetween(1.0, 6.0); // six writes, some perhaps in one commit
    assertThat(sample(text, "stepwise_runtime_commit_writes_count")).as("one per commit").isEqualTo(commits);
    assertThat(sample(text, "stepwise_runtime_commit_writes_sum")).isEqualTo(sample(text, "stepwise_runtime_writes_total"))
        .isEqualTo(6);
    assertThat(value(text, "stepwise_runtime_commit_writes_bucket", "le", "1000.0")).isEqualTo(commits);
    assertThat(sample(text, "stepwise_runtime_commit_latency_seconds_count")).isEqualTo(commits);
    assertThat(sample(text, "stepwise_runtime_commit_latency_seconds_sum")).isPositive();
    assertThat(value(text, "stepwise_runtime_commit_latency_seconds_bucket", "le", "+Inf")).isEqualTo(commits);
    assertThat(sample(text, "stepwise_runtime_inputs_queued")).isZero();
    assertThat(sample(text, "stepwise_runtime_commit_queue")).isZero();
    assertThat(sample(text, "stepwise_runtime_executions_open")).isZero();
  }

  @Test
  void aWaitsTimerIsSetUntilItFiresAndTheOpenExecutionsFollow() throws Exception {
    String waits = sfn.createStateMachine(b -> b.name("Waits").roleArn(ROLE).definition("""
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}""")).stateMachineArn();
    // within the runtime's 30 s horizon, so its timer is held in memory; the test ends long before it is due
    sfn.startExecution(b -> b.stateMachineArn(waits).input("{\"s\": 25}"));
    String waiting = scrapeUntil(t -> sample(t, "stepwise_runtime_timers") == 1);
    assertThat(sample(waiting, "stepwise_runtime_timers")).isEqualTo(1);
    assertThat(sample(waiting, "stepwise_runtime_executions_open")).isEqualTo(1);
    assertThat(sample(waiting, "stepwise_runtime_executions_in_memory")).as("it waits as rows only").isZero();
    assertThat(sample(waiting, "stepwise_runtime_timers_due")).isZero();

    sfn.startExecution(b -> b.stateMachineArn(waits).input("{\"s\": 1}"));
    // a scrape reads one meter after another while steps go on: wait for one that saw the firing stored throughout
    String fired = scrapeUntil(t -> value(t, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", waits) == 1
        && sample(t, "stepwise_runtime_timers_due") == 0 && sample(t, "stepwise_runtime_executions_open") == 1);
    assertThat(value(fired, "stepwise_ExecutionsSucceeded_total", "StateMachineArn", waits)).as("the second's timer fired").isEqualTo(1);
    assertThat(sample(fired, "stepwise_runtime_timers")).as("the first's, still waiting").isEqualTo(1);
    assertThat(sample(fired, "stepwise_runtime_executions_open")).isEqualTo(1);
    assertThat(sample(fired, "stepwise_runtime_timers_due")).isZero();
  }

  @Test
  void theGuardRunsBeforeTheAnswer() throws Exception {
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(metricsUri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("jvm_memory_used_bytes");
  }

  @Test
  void aRequestRefusedForTooManyInFlightCountsAsThrottledUnderItsApiName() throws Exception {
    close();
    start(ServerConfig.defaults().withPort(0).withLimits(ServerLimits.defaults().withMaxInFlightRequests(1)));
    String definition = "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + SLOW + "\", \"End\": true}}}";
    String slow = sfn.createStateMachine(b -> b.name("Slow").roleArn(ROLE).type(StateMachineType.EXPRESS).definition(definition))
        .stateMachineArn();
    // a synchronous execution holds its request, the one allowed in flight, until the task is let go
    CompletableFuture<HttpResponse<String>> held = http.sendAsync(api("StartSyncExecution",
        "{\"stateMachineArn\": \"" + slow + "\"}"), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("the synchronous execution's task runs").isTrue();
    HttpResponse<String> refused = http.send(api("StartExecution", "{\"stateMachineArn\": \"" + slow + "\"}"),
        HttpResponse.BodyHandlers.ofString());
    release.countDown();
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("ThrottlingException");
    assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

    String text = scrapeUntil(t -> value(t, "stepwise_ThrottledEvents_total", "APIName", "StartExecution") == 1);
    assertThat(value(text, "stepwise_ThrottledEvents_total", "APIName", "StartExecution")).isEqualTo(1);
  }

  private HttpRequest api(String operation, String body) {
    return HttpRequest.newBuilder(server.endpoint().resolve("/"))
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private URI metricsUri() {
    return server.endpoint().resolve(MetricsRoute.PATH);
  }

  /** Scrapes until the text satisfies the condition (the listeners run after the commit, not before the API answers). */
  private String scrapeUntil(Predicate<String> done) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(metricsUri()).header("X-Token", "let-me-in").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
      if (done.test(r.body()) || System.nanoTime() > deadline) {
        return r.body();
      }
      Thread.sleep(50);
    }
  }

  /** The sample of this metric without labels, or -1 when there is none. */
  static double sample(String text, String metric) {
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }

  /** The sample of this metric with this label's value, or -1 when there is none. */
  static double value(String text, String metric, String label, String labelValue) {
    String labelText = label + "=\"" + labelValue + "\"";
    for (String line : text.split("\n")) {
      if (line.startsWith(metric + "{") && line.contains(labelText)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }
}
