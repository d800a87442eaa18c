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
    assertThat(o.err()).contains("stepwise serve: --region: not an AWS region name: mars");
    Cli.Outcome account = Cli.stepwise("serve", "--account", "42", "--port", "0");
    assertThat(account.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(account.err()).contains("12 digits");
  }

  @Test
  void aConfigurationFileThatCannotBeUsedIsAUsageErrorNamingTheKey() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dataDir.resolve("bad.yaml"), "port: 0\nauth:\n  mode: sigv4\n  keys: x\n");
    Cli.Outcome o = Cli.stepwise("serve", "--config", file.toString());
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("stepwise serve: " + file + ": auth.keys: unknown key (known in auth are mode, credentials, consoleToken)");
    java.nio.file.Files.writeString(file, "port: eighty\n");
    Cli.Outcome type = Cli.stepwise("serve", "--config", file.toString());
    assertThat(type.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(type.err()).contains("stepwise serve: " + file + ": port: must be a whole number, not the string 'eighty'");
    Cli.Outcome missing = Cli.stepwise("serve", "--config", dataDir.resolve("none.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("does not exist");
    java.nio.file.Files.writeString(file, "port: 0\nauth:\n  mode: sigv4\n  credentials: nowhere/credentials\n");
    Cli.Outcome creds = Cli.stepwise("serve", "--config", file.toString());
    assertThat(creds.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(creds.err()).contains("stepwise serve: the credentials file " + dataDir.resolve("nowhere/credentials") + " does not exist");
  }

  @Test
  void servesWithTheSettingsOfStepwiseYamlAndVerifiesSignatures() throws Exception {
    java.nio.file.Files.writeString(dataDir.resolve("keys"), "[default]\naws_access_key_id = AKIDCLI\naws_secret_access_key = cli-secret\n");
    java.nio.file.Files.writeString(dataDir.resolve("stepwise.yaml"), """
        port: 0
        region: eu-west-1
        account: "000011112222"
        data: store
        retention: 30d
        auth:
          mode: sigv4
          credentials: keys
        """);
    ServeCommand serve = new ServeCommand();
    serve.workDir = dataDir;
    serve.env = java.util.Map.of("STEPWISE_ACCOUNT", "111122223333");
    CommandLine cmd = new CommandLine(serve);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    try (var sfn = software.amazon.awssdk.services.sfn.SfnClient.builder()
        .endpointOverride(serve.server().endpoint())
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDCLI", "cli-secret")))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .build()) {
      assertThat(sfn.createActivity(b -> b.name("signed")).activityArn())
          .as("region from the file, account from the environment").isEqualTo("arn:aws:states:eu-west-1:111122223333:activity:signed");
    }
    HttpResponse<String> unsigned = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(serve.server().endpoint() + "/"))
            .header("X-Amz-Target", "AWSStepFunctions.ListActivities")
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("MissingAuthenticationTokenException");
    assertThat(dataDir.resolve("store/stepwise.db")).as("data relative to the file").exists();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theHelpNamesTheEnvironmentVariables() {
    Cli.Outcome o = Cli.stepwise("serve", "--help");
    assertThat(o.exit()).isEqualTo(ExitCodes.OK);
    assertThat(o.out()).contains("STEPWISE_HOST").contains("STEPWISE_PORT").contains("STEPWISE_REGION")
        .contains("STEPWISE_ACCOUNT").contains("8083").contains("STEPWISE_RETENTION").contains("stepwise.yaml").contains("--auth")
        .contains("--credentials").contains("--config");
  }
}
