package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * Execution logs as a state machine's loggingConfiguration asks, from {@code stepwise serve}: each
 * history event a JSON line of AWS's CloudWatch Logs shape in its log group's file, the level
 * choosing the events (ALL, ERROR, FATAL, OFF), includeExecutionData the payloads; Standard and
 * Express executions alike, and nothing for a machine without logging.
 */
class ExecutionLogsServeTest {
  @TempDir Path dir;

  private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/";
  private static final String FAILING = """
      {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":{"secret":"s3cr3t"},"Next":"Boom"},
        "Boom":{"Type":"Fail","Error":"Broken","Cause":"on purpose"}}}""";
  private static final String PASSING = """
      {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Result":{"secret":"s3cr3t"},"End":true}}}""";

  @Test
  void eachLevelWritesItsEventsInAwsShapeToItsLogGroupsFile() throws Exception {
    ServeCommand serve = new ServeCommand();
    serve.workDir = dir;
    serve.env = Map.of();
    CommandLine cmd = new CommandLine(serve);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("--port", "0", "--data", "store",
        "--execution-logs", "logs"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    String allArn;
    String errorArn;
    String expressArn;
    try (SfnClient sfn = SfnClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      String all = create(sfn, "All", FAILING, StateMachineType.STANDARD, LogLevel.ALL, true);
      String error = create(sfn, "Errors", FAILING, StateMachineType.STANDARD, LogLevel.ERROR, false);
      String fatal = create(sfn, "Fatal", PASSING, StateMachineType.STANDARD, LogLevel.FATAL, true);
      String express = create(sfn, "Quick", PASSING, StateMachineType.EXPRESS, LogLevel.ALL, false);
      String none = sfn.createStateMachine(b -> b.name("Silent").roleArn("arn:aws:iam::123456789012:role/r")
          .definition(PASSING)).stateMachineArn();
      allArn = finish(sfn, sfn.startExecution(b -> b.stateMachineArn(all).input("{\"order\":1}")).executionArn());
      errorArn = finish(sfn, sfn.startExecution(b -> b.stateMachineArn(error).input("{\"order\":2}")).executionArn());
      finish(sfn, sfn.startExecution(b -> b.stateMachineArn(fatal)).executionArn());
      finish(sfn, sfn.startExecution(b -> b.stateMachineArn(none)).executionArn());
      expressArn = sfn.startExecution(b -> b.stateMachineArn(express).input("{\"order\":3}")).executionArn();
      Thread.sleep(300); // the Express execution ends at once; its lines are written off its thread
    }
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);

    List<JsonNode> allLines = lines("All");
    assertThat(allLines).extracting(l -> l.get("type").asText()).containsExactly("ExecutionStarted", "PassStateEntered",
        "PassStateExited", "FailStateEntered", "ExecutionFailed");
    JsonNode started = allLines.get(0);
    assertThat(started.get("id").asText()).isEqualTo("1");
    assertThat(started.get("previous_event_id").asText()).isEqualTo("0");
    assertThat(started.get("redrive_count").asText()).isEqualTo("0");
    assertThat(started.get("execution_arn").asText()).isEqualTo(allArn);
    assertThat(Long.parseLong(started.get("event_timestamp").asText())).isGreaterThan(1_700_000_000_000L);
    assertThat(started.get("details").get("input").asText()).isEqualTo("{\"order\":1}");
    assertThat(started.get("details").get("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/r");
    assertThat(allLines.get(2).get("details").get("output").asText()).contains("s3cr3t");
    assertThat(allLines.get(4).get("details").get("error").asText()).isEqualTo("Broken");

    List<JsonNode> errorLines = lines("Errors");
    assertThat(errorLines).extracting(l -> l.get("type").asText()).containsExactly("FailStateEntered", "ExecutionFailed");
    assertThat(errorLines).allSatisfy(l -> assertThat(l.get("execution_arn").asText()).isEqualTo(errorArn));
    assertThat(errorLines.get(0).get("details").has("input")).as("without execution data").isFalse();
    assertThat(errorLines.get(1).get("details").get("cause").asText()).isEqualTo("on purpose");

    assertThat(dir.resolve("logs").resolve(file("Fatal"))).as("FATAL: a succeeded execution writes nothing").doesNotExist();
    assertThat(dir.resolve("logs").resolve(file("Silent"))).doesNotExist();

    List<JsonNode> expressLines = lines("Quick");
    assertThat(expressLines).extracting(l -> l.get("type").asText()).containsExactly("ExecutionStarted", "PassStateEntered",
        "PassStateExited", "ExecutionSucceeded");
    assertThat(expressLines.get(0).get("execution_arn").asText()).isEqualTo(expressArn).contains(":express:");
    assertThat(expressLines.get(3).get("details").has("output")).isFalse();
  }

  private static String create(SfnClient sfn, String name, String definition, StateMachineType type, LogLevel level,
      boolean data) {
    return sfn.createStateMachine(b -> b.name(name).roleArn("arn:aws:iam::123456789012:role/r").definition(definition)
        .type(type).loggingConfiguration(l -> l.level(level).includeExecutionData(data)
            .destinations(d -> d.cloudWatchLogsLogGroup(g -> g.logGroupArn(GROUP + name + ":*"))))).stateMachineArn();
  }

  private static String finish(SfnClient sfn, String arn) throws InterruptedException {
    var d = sfn.describeExecution(b -> b.executionArn(arn));
    for (int i = 0; i < 500 && d.status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
      d = sfn.describeExecution(b -> b.executionArn(arn));
    }
    assertThat(d.status()).isNotEqualTo(ExecutionStatus.RUNNING);
    return arn;
  }

  private static String file(String name) {
    return "_aws_vendedlogs_states_" + name + ".log";
  }

  private List<JsonNode> lines(String name) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("logs").resolve(file(name)))) {
      out.add(Json.parse(line));
    }
    return out;
  }
}
