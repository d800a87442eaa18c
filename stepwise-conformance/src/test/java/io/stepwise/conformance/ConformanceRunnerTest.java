package io.stepwise.conformance;

import static io.stepwise.conformance.CaseLoaderTest.writeCase;
import static io.stepwise.conformance.NormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {
  private static final String NAMES =
      "\"names\": {\"state_machine_name\": \"sm_sfc00002\", \"execution_name\": \"00000000-0000-4000-8000-000000000001\","
          + " \"role_arn\": \"arn:aws:iam::111111111111:role/r\", \"account\": \"111111111111\", \"region\": \"us-east-1\"}";

  private static final String OPS =
      "\"normalization\": ["
          + "{\"op\": \"regex\", \"pattern\": \"sm_sfc00002\", \"replacement\": \"<ArnPart_0idx>\"},"
          + "{\"op\": \"regex\", \"pattern\": \"111111111111\", \"replacement\": \"111111111111\"},"
          + "{\"op\": \"regex\", \"pattern\": \"us-east-1\", \"replacement\": \"<region>\"},"
          + "{\"op\": \"regex\", \"pattern\": \"arn:aws:\", \"replacement\": \"arn:<partition>:\"},"
          + "{\"op\": \"uuid_reference\", \"replacement\": \"uuid\"},"
          + "{\"op\": \"iso8601_date\", \"replacement\": \"date\"}]";

  private static String expected(String status, String output, String error, String cause, String events, String extra) {
    return "{\"status\": \"" + status + "\", \"output\": " + output + ", \"output_is_json\": " + (output.equals("null") ? "null" : "true")
        + ", \"error\": " + error + ", \"cause\": " + cause + ", \"events\": " + events + ", \"needs\": [], \"recorded_via\": [\"history\"],"
        + " \"execution_type\": \"STANDARD\", \"time_dependent\": false, \"lambdas\": {}, " + NAMES + ", " + OPS
        + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  private static final String PASS_DEF = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
  private static final String FAIL_DEF =
      "{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Boom\", \"Cause\": \"{\\\"x\\\": 1}\"}}}";

  private static ExecutionResult result(ExecutionStatus s, String output, String error, String cause, EventType... types) {
    List<HistoryEvent> events = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      events.add(new HistoryEvent(i + 1, i, 1_700_000_000_000L, types[i], new EventDetails.None()));
    }
    return new ExecutionResult(s, output == null ? null : json(output), error, cause, "arn", events, null);
  }

  private final ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.Options.defaults().withCaseTimeout(Duration.ofSeconds(5)));

  @Test
  void outputIsNormalisedWithTheCaseOpsBeforeComparing(@TempDir Path tmp) throws IOException {
    ConformanceCase c =
        CaseLoader.load(
            writeCase(tmp, "t", PASS_DEF, "{}",
                expected("SUCCEEDED", "{\"Arn\": \"arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>\","
                    + " \"Id\": \"<uuid:1>\", \"At\": \"date\", \"List\": [1, 2.0]}", "null", "null",
                    "[\"ExecutionStarted\", \"ExecutionSucceeded\"]", "")));
    ExecutionResult ok =
        result(ExecutionStatus.SUCCEEDED,
            "{\"Arn\": \"arn:aws:states:us-east-1:111111111111:stateMachine:sm_sfc00002\","
                + " \"Id\": \"0b7e5a6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b\", \"At\": \"2024-05-06T07:08:09.123Z\", \"List\": [1, 2]}",
            null, null, EventType.ExecutionStarted, EventType.ExecutionSucceeded);
    assertThat(runner.compare(c, ok, System.nanoTime()).verdict()).isEqualTo(ConformanceRunner.Verdict.PASS);

    // the same values in another order than AWS returned them
    ExecutionResult reordered =
        result(ExecutionStatus.SUCCEEDED,
            "{\"List\": [1, 2], \"At\": \"2024-05-06T07:08:09.123Z\", \"Id\": \"0b7e5a6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b\","
                + " \"Arn\": \"arn:aws:states:us-east-1:111111111111:stateMachine:sm_sfc00002\"}",
            null, null, EventType.ExecutionStarted, EventType.ExecutionSucceeded);
    assertThat(runner.compare(c, reordered, System.nanoTime()).verdict()).isEqualTo(ConformanceRunner.Verdict.FAIL);

    ExecutionResult wrongOutput =
        result(ExecutionStatus.SUCCEEDED, "{\"List\": [1, 3], \"At\": \"x\", \"Id\": \"y\", \"Arn\": \"z\"}", null, null,
            EventType.ExecutionStarted, EventType.ExecutionSucceeded);
    ConformanceRunner.CaseResult r = runner.compare(c, wrongOutput, System.nanoTime());
    assertThat(r.verdict()).isEqualTo(ConformanceRunner.Verdict.FAIL);
    assertThat(r.reason()).startsWith("output $.Arn: expected");

    ExecutionResult wrongEvents = result(ExecutionStatus.SUCCEEDED, ok.output().toString(), null, null, EventType.ExecutionStarted);
    assertThat(runner.compare(c, wrongEvents, System.nanoTime()).reason())
        .isEqualTo("events: at #2 expected ExecutionSucceeded, got (end) (2 expected, 1 got)");

    ExecutionResult failed = result(ExecutionStatus.FAILED, null, "States.Runtime", "oops", EventType.ExecutionStarted, EventType.ExecutionFailed);
    assertThat(runner.compare(c, failed, System.nanoTime()).reason()).isEqualTo("status: expected SUCCEEDED, got FAILED (States.Runtime: oops)");
  }

  @Test
  void errorAndCauseCompareWithJsonCausesAsJson(@TempDir Path tmp) throws IOException {
    ConformanceCase c =
        CaseLoader.load(writeCase(tmp, "t", FAIL_DEF, "{}",
            expected("FAILED", "null", "\"Exception\"", "{\"errorMessage\": \"m\", \"requestId\": \"<uuid:1>\"}", "null", "")));
    String cause = "{\"errorMessage\":\"m\",\"requestId\":\"0b7e5a6c-1c2d-4e3f-8a9b-0c1d2e3f4a5b\"}";
    assertThat(runner.compare(c, result(ExecutionStatus.FAILED, null, "Exception", cause), System.nanoTime()).verdict())
        .isEqualTo(ConformanceRunner.Verdict.PASS);
    assertThat(runner.compare(c, result(ExecutionStatus.FAILED, null, "Other", cause), System.nanoTime()).reason())
        .isEqualTo("error: expected \"Exception\", got \"Other\"");
    assertThat(runner.compare(c, result(ExecutionStatus.FAILED, null, "Exception", "{\"errorMessage\":\"n\",\"requestId\":\"r\"}"), System.nanoTime()).reason())
        .startsWith("cause $.errorMessage: expected \"m\", got \"n\"");
  }

  @Test
  void runsCasesThroughTheEngine(@TempDir Path tmp) throws IOException {
    writeCase(tmp, "test_a__pass", PASS_DEF, "{\"k\": \"v\"}",
        expected("SUCCEEDED", "{\"k\": \"v\"}", "null", "null", "[\"ExecutionStarted\", \"PassStateEntered\", \"PassStateExited\", \"ExecutionSucceeded\"]", ""));
    writeCase(tmp, "test_b__fail", FAIL_DEF, "{}",
        expected("FAILED", "null", "\"Boom\"", "{\"x\": 1}", "[\"ExecutionStarted\", \"FailStateEntered\", \"ExecutionFailed\"]", ""));
    writeCase(tmp, "test_c__wrong", PASS_DEF, "{}", expected("SUCCEEDED", "{\"k\": 2}", "null", "null", "null", ""));
    writeCase(tmp, "test_d__running", PASS_DEF, "{}", expected("RUNNING", "null", "null", "null", "[\"ExecutionStarted\"]", ""));
    writeCase(tmp, "test_e__invalid", "{\"StartAt\": ", "{}", expected("SUCCEEDED", "{}", "null", "null", "null", ""));
    writeCase(tmp, "test_f__jsonata",
        "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}", "{}",
        expected("SUCCEEDED", "{}", "null", "null", "null", ""));

    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ConformanceRunner.Report report;
    try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      report = runner.run(tmp, List.of(), out);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(report.results()).extracting(ConformanceRunner.CaseResult::id)
        .containsExactly("test_a__pass", "test_b__fail", "test_c__wrong", "test_d__running", "test_e__invalid", "test_f__jsonata");
    assertThat(report.results()).extracting(ConformanceRunner.CaseResult::verdict)
        .containsExactly(ConformanceRunner.Verdict.PASS, ConformanceRunner.Verdict.PASS, ConformanceRunner.Verdict.FAIL,
            ConformanceRunner.Verdict.SKIP, ConformanceRunner.Verdict.FAIL, ConformanceRunner.Verdict.PASS);
    assertThat(text.lines().toList())
        .contains(
            "FAIL test_c__wrong: output $.k: missing (expected 2)",
            "3 passed, 2 failed, 1 skipped",
            "jsonpath: 2 passed, 2 failed, 1 skipped (50.0% pass)",
            "jsonata: 1 passed, 0 failed, 0 skipped (100.0% pass)");
    assertThat(text).contains("FAIL test_e__invalid: definition rejected");
    assertThat(report.results().get(3).reason()).contains("RUNNING");

    Path results = tmp.resolve("out/results.jsonl");
    report.writeResults(results);
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(6);
    assertThat(json(lines.get(0)))
        .isEqualTo(json("{\"id\": \"test_a__pass\", \"status\": \"SUCCEEDED\", \"output\": \"{\\\"k\\\":\\\"v\\\"}\", \"error\": null, \"cause\": null,"
            + " \"events\": [\"ExecutionStarted\", \"PassStateEntered\", \"PassStateExited\", \"ExecutionSucceeded\"],"
            + " \"verdict\": \"pass\", \"reason\": null, \"mode\": \"jsonpath\", \"millis\": " + report.results().get(0).millis() + "}"));
    assertThat(json(lines.get(3)).get("verdict").asText()).isEqualTo("skip");
  }

  @Test
  void aCaseThatHangsFailsAtItsTimeLimit(@TempDir Path tmp) throws IOException {
    String def = "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:111111111111:function:slow\", \"End\": true}}}";
    ConformanceCase c =
        CaseLoader.load(writeCase(tmp, "slow", def, "{}",
            expected("SUCCEEDED", "{}", "null", "null", "null",
                "\"lambdas\": {\"slow\": {\"arn\": \"arn:aws:lambda:us-east-1:111111111111:function:slow\", \"source\": \"x/wait_60_seconds.py\"}}")
                .replace("\"lambdas\": {}, ", "")));
    Files.createDirectories(tmp.resolve("lambdas"));
    Files.writeString(tmp.resolve("lambdas/wait_60_seconds.py"), "import time\ndef handler(event, context):\n    time.sleep(60)\n");
    try (ConformanceRunner quick =
        new ConformanceRunner(new ConformanceRunner.Options(Duration.ofMillis(300), Duration.ofSeconds(30), 1, false))) {
      long t0 = System.nanoTime();
      ConformanceRunner.CaseResult r = quick.runCase(c);
      assertThat(r.verdict()).isEqualTo(ConformanceRunner.Verdict.FAIL);
      assertThat(r.reason()).startsWith("did not finish within");
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }
  }
}
