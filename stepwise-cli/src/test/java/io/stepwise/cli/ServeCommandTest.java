package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code stepwise serve}: it serves the API where it is told to, and stops cleanly. */
class ServeCommandTest {
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir;

  @Test
  void servesTheApiUntilStopped() throws Exception {
    ServeCommand serve = new ServeCommand();
    CommandLine cmd = new CommandLine(serve);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> cmd.execute("--port", "0", "--region", "eu-west-1", "--account", "111122223333", "--data", dataDir.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(serve.server().endpoint() + "/"))
            .header("X-Amz-Target", "AWSStepFunctions.CreateActivity")
            .header("Content-Type", "application/x-amz-json-1.0")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"worker\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("arn:aws:states:eu-west-1:111122223333:activity:worker");
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aBadSettingIsAUsageErrorNamingIt() {
    Cli.Outcome o = Cli.stepwise("serve", "--region", "mars", "--port", "0");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("stepwise serve: not an AWS region name: mars");
    Cli.Outcome account = Cli.stepwise("serve", "--account", "42", "--port", "0");
    assertThat(account.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(account.err()).contains("12 digits");
  }

  @Test
  void theHelpNamesTheEnvironmentVariables() {
    Cli.Outcome o = Cli.stepwise("serve", "--help");
    assertThat(o.exit()).isEqualTo(ExitCodes.OK);
    assertThat(o.out()).contains("STEPWISE_HOST").contains("STEPWISE_PORT").contains("STEPWISE_REGION")
        .contains("STEPWISE_ACCOUNT").contains("8083");
  }
}
