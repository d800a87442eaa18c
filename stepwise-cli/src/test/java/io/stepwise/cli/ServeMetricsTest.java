package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stepwise serve} answers {@code GET /metrics} on its own port, with a Standard execution counted once it ends. */
class ServeMetricsTest {
  private static final String MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:Hello";
  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesMetricsOfTheExecutionsItRuns() throws Exception {
    ServeCommand serve = new ServeCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(serve)
        .execute("--port", "0", "--region", "eu-west-1", "--account", "111122223333", "--data", dataDir.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    URI endpoint = serve.server().endpoint();
    call(endpoint, "CreateStateMachine", """
        {"name": "Hello", "roleArn": "arn:aws:iam::111122223333:role/r",
         "definition": "{\\"StartAt\\": \\"P\\", \\"States\\": {\\"P\\": {\\"Type\\": \\"Pass\\", \\"End\\": true}}}"}""");
    call(endpoint, "StartExecution", "{\"stateMachineArn\": \"" + MACHINE + "\", \"input\": \"{}\"}");

    String line = "stepwise_ExecutionsSucceeded_total{StateMachineArn=\"" + MACHINE + "\"} 1";
    String text = "";
    // a scrape reads one meter after another while steps go on: until one taken after the step throughout
    while (System.nanoTime() < deadline && !(text.contains(line) && sample(text, "stepwise_runtime_step_latency_seconds_count") == 1
        && sample(text, "stepwise_runtime_commit_writes_count") == sample(text, "stepwise_runtime_commits_total"))) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/metrics")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      text = r.body();
      Thread.sleep(50);
    }
    assertThat(text).contains(line).contains("stepwise_ExecutionsStarted_total{StateMachineArn=\"" + MACHINE + "\"} 1")
        .contains("process_uptime_seconds");
    // the runtime's own on the SQLite store: the Pass execution is one step, and none is left open
    assertThat(sample(text, "stepwise_runtime_step_latency_seconds_count")).isEqualTo(1);
    assertThat(sample(text, "stepwise_runtime_commit_writes_count")).isEqualTo(sample(text, "stepwise_runtime_commits_total"))
        .isPositive();
    assertThat(sample(text, "stepwise_runtime_executions_open")).isZero();
    assertThat(sample(text, "stepwise_runtime_timers_due")).isZero();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  /** The sample of an unlabelled metric, or -1 when there is none. */
  private static double sample(String text, String metric) {
    return text.lines().filter(l -> l.startsWith(metric + " ")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst().orElse(-1);
  }

  private void call(URI endpoint, String operation, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/"))
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(operation + ": " + r.body()).isEqualTo(200);
  }
}
