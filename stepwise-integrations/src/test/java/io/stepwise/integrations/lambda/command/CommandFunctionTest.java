package io.stepwise.integrations.lambda.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local-command function through real workflow runs: a warm Python worker, its errors, its crash and restart. */
class CommandFunctionTest {
  static final String ARN = "arn:aws:lambda:eu-west-1:222222222222:function:fixture";
  @TempDir Path dir;
  private CommandTarget target;
  private Engine engine;

  private Engine engine(int concurrency, Duration timeout) throws Exception {
    target = new CommandTarget(PythonFunction.spec(dir, "fixture", concurrency, timeout), java.util.Map.of());
    engine = Engine.builder().region("eu-west-1").account("222222222222")
        .handler(LambdaFunctions.withSystemClockAndRandomIds().target("fixture", target).build()).build();
    return engine;
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (target != null) {
      target.close();
    }
  }

  private ExecutionResult run(String state, String input) {
    return engine.run(StateMachineParser.parse("{\"StartAt\":\"T\",\"States\":{\"T\":" + state + "}}"), input,
        RunOptions.defaults().withNames("Machine", "run-" + System.nanoTime()));
  }

  private ExecutionResult direct(String input) {
    return run("{\"Type\":\"Task\",\"Resource\":\"" + ARN + "\",\"End\":true}", input);
  }

  private ExecutionResult invoke(String parameters) {
    return run("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":" + parameters + ",\"End\":true}", "{}");
  }

  @Test
  void aWarmWorkerAnswersLambdaArnTasksAndLambdaInvokeWithTheFunctionsContext() throws Exception {
    engine(1, Duration.ofSeconds(10));
    JsonNode first = direct("{\"n\":1}").output();
    assertThat(first.get("event")).isEqualTo(Json.parse("{\"n\":1}"));
    assertThat(first.get("function").asText()).isEqualTo("fixture");
    assertThat(first.get("arn").asText()).isEqualTo(ARN);
    assertThat(first.get("color").asText()).isEqualTo("green");
    assertThat(first.get("remainingPositive").asBoolean()).isTrue();
    String custom = Base64.getEncoder().encodeToString("{\"custom\":{\"tenant\":\"t1\"}}".getBytes(StandardCharsets.UTF_8));
    JsonNode out = invoke("{\"FunctionName\":\"fixture:live\",\"Payload\":{\"n\":2},\"ClientContext\":\"" + custom + "\"}").output();
    JsonNode second = out.get("Payload");
    assertThat(second.get("calls").asInt()).as("the same warm worker").isEqualTo(2);
    assertThat(second.get("pid")).isEqualTo(first.get("pid"));
    assertThat(second.get("custom")).isEqualTo(Json.parse("{\"tenant\":\"t1\"}"));
    assertThat(second.get("arn").asText()).isEqualTo("arn:aws:lambda:eu-west-1:222222222222:function:fixture:live");
    assertThat(second.get("requestId").asText()).isEqualTo(out.get("SdkResponseMetadata").get("RequestId").asText());
    // Content-Length is the payload as the worker sent it (Python's json.dumps)
    int length = out.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").asInt();
    assertThat(length).isGreaterThan(Json.write(second).length());
  }

  @Test
  void aPythonExceptionIsTheTasksErrorWithTheRuntimesPayloadAsCause() throws Exception {
    engine(1, Duration.ofSeconds(10));
    ExecutionResult r = direct("{\"action\":\"fail\"}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("KeyError");
    JsonNode cause = Json.parse(r.cause());
    assertThat(cause.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "requestId", "stackTrace");
    assertThat(cause.get("errorMessage").asText()).isEqualTo("'missing'");
    assertThat(r.cause()).contains("\"errorType\": \"KeyError\""); // as the runtime wrote it
    assertThat(cause.get("stackTrace").get(0).asText()).contains("fixture.py").contains("raise KeyError");
    ExecutionResult viaInvoke = invoke("{\"FunctionName\":\"fixture\",\"Payload\":{\"action\":\"fail\"}}");
    assertThat(viaInvoke.error()).isEqualTo("KeyError");
    assertThat(viaInvoke.cause()).contains("\"errorType\":\"KeyError\""); // re-serialised compactly
  }

  @Test
  void aWorkerThatExitsFailsItsInvocationAsLambdaDoesAndANewOneServesTheNext() throws Exception {
    engine(1, Duration.ofSeconds(10));
    long pid = direct("{}").output().get("pid").asLong();
    ExecutionResult crashed = direct("{\"action\":\"crash\"}");
    assertThat(crashed.error()).isEqualTo("Runtime.ExitError");
    JsonNode cause = Json.parse(crashed.cause());
    assertThat(cause.get("errorType").asText()).isEqualTo("Runtime.ExitError");
    assertThat(cause.get("errorMessage").asText()).matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3");
    JsonNode after = direct("{}").output();
    assertThat(after.get("pid").asLong()).as("a new worker").isNotEqualTo(pid);
    assertThat(after.get("calls").asInt()).as("with its own state").isEqualTo(1);
  }

  @Test
  void anInvocationPastTheFunctionsTimeoutFailsWithSandboxTimedoutAndItsWorkerIsReplaced() throws Exception {
    // 3 s, not 1: a worker's start counts against the timeout, and a loaded machine starts Python slowly
    engine(1, Duration.ofSeconds(3));
    long pid = direct("{}").output().get("pid").asLong();
    ExecutionResult r = direct("{\"action\":\"sleep\",\"seconds\":30}");
    assertThat(r.error()).isEqualTo("Sandbox.Timedout");
    assertThat(Json.parse(r.cause()).get("errorMessage").asText()).endsWith("Error: Task timed out after 3.00 seconds");
    assertThat(direct("{}").output().get("pid").asLong()).isNotEqualTo(pid);
  }

  @Test
  void aWarmedFunctionsWorkerIsStartedAndReadyBeforeTheFirstCallWhichItAnswers() throws Exception {
    engine(1, Duration.ofSeconds(10));
    assertThat(target.liveWorkers()).isZero();
    assertThat(target.warm(10_000)).as("the helper says it is ready once the handler is loaded").isTrue();
    List<Long> pids = target.workerPids();
    assertThat(pids).hasSize(1);
    JsonNode first = direct("{}").output();
    assertThat(first.get("pid").asLong()).as("the warmed worker answers").isEqualTo(pids.get(0));
    assertThat(first.get("calls").asInt()).isEqualTo(1);
    assertThat(target.warm(10_000)).as("an idle worker is warm already").isTrue();
    assertThat(target.workerPids()).hasSize(1);
  }

  @Test
  void warmingACommandThatNeverSaysItIsReadyWaitsOnlyAsLongAsAsked() throws Exception {
    target = new CommandTarget(new io.stepwise.integrations.lambda.config.FunctionSpec.Command("silent", "sleep", List.of("30"),
        java.util.Map.of(), dir, 1, Duration.ofSeconds(5), 128), java.util.Map.of());
    long start = System.nanoTime();
    assertThat(target.warm(300)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(target.liveWorkers()).as("its worker is started all the same").isEqualTo(1);
  }

  @Test
  void workersRunInvocationsAtOnceUpToTheConcurrencyAndStayWarm() throws Exception {
    engine(2, Duration.ofSeconds(10));
    String map = """
        {"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,"ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Task",
          "Resource":"%s","Parameters":{"action":"sleep","seconds":0.2},"End":true}}},"End":true}""".formatted(ARN);
    ExecutionResult r = run(map, "{\"items\":[1,2,3,4,5,6]}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    Set<Long> pids = new HashSet<>();
    r.output().forEach(o -> pids.add(o.get("pid").asLong()));
    assertThat(pids).hasSizeBetween(1, 2);
    assertThat(target.liveWorkers()).isBetween(1, 2);
  }

  @Test
  void eventInvocationsAnswer202AndRunLaterDryRunsAnswer204AndRunNothing() throws Exception {
    engine(1, Duration.ofSeconds(10));
    Path marks = dir.resolve("marks.txt");
    String payload = "{\"action\":\"touch\",\"path\":\"" + marks + "\"}";
    JsonNode dry = invoke("{\"FunctionName\":\"fixture\",\"InvocationType\":\"DryRun\",\"Payload\":" + payload + "}").output();
    assertThat(dry.get("StatusCode").asInt()).isEqualTo(204);
    JsonNode event = invoke("{\"FunctionName\":\"fixture\",\"InvocationType\":\"Event\",\"Payload\":" + payload + "}").output();
    assertThat(event.get("StatusCode").asInt()).isEqualTo(202);
    assertThat(event.get("Payload").asText()).isEmpty();
    // the queued invocation runs on its own, once
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(marks) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    direct("{}"); // the one worker is free again
    assertThat(Files.readAllLines(marks)).hasSize(1);
  }

  @Test
  void logTypeTailCarriesWhatTheFunctionLoggedAndStrayStdoutIsNotAResponse() throws Exception {
    engine(1, Duration.ofSeconds(10));
    JsonNode out = invoke("{\"FunctionName\":\"fixture\",\"LogType\":\"Tail\",\"Payload\":{\"action\":\"noise\"}}").output();
    String log = new String(Base64.getDecoder().decode(out.get("LogResult").asText()), StandardCharsets.UTF_8);
    String id = out.get("SdkResponseMetadata").get("RequestId").asText();
    List<String> lines = List.of(log.split("\n"));
    assertThat(lines.get(0)).isEqualTo("START RequestId: " + id + " Version: $LATEST");
    assertThat(lines).contains("END RequestId: " + id);
    assertThat(lines.get(lines.size() - 1)).startsWith("REPORT RequestId: " + id + "\tDuration: ");
    assertThat(out.get("Payload").get("calls").asInt()).isEqualTo(1);
  }

  @Test
  void aCommandThatCannotStartFailsEachInvocationWithInvalidEntrypoint() throws Exception {
    target = new CommandTarget(new io.stepwise.integrations.lambda.config.FunctionSpec.Command("nothing", "/no/such/program", List.of(),
        java.util.Map.of(), dir, 1, Duration.ofSeconds(3), 128), java.util.Map.of());
    engine = Engine.builder().handler(LambdaFunctions.withSystemClockAndRandomIds().target("nothing", target).build()).build();
    ExecutionResult r = invoke("{\"FunctionName\":\"nothing\"}");
    assertThat(r.error()).isEqualTo("Runtime.InvalidEntrypoint");
    assertThat(r.cause()).contains("fork/exec /no/such/program");
  }
}
