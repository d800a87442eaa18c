package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A Distributed Map's ResultWriter writes AWS's result files with s3:putObject, and the Map's output points at them. */
class ResultWriterTest {
  static final String PUT = "arn:aws:states:::s3:putObject";

  private final List<TaskRequest> puts = new CopyOnWriteArrayList<>();

  /** A Map whose children fail for items {"fail": true}, with the given ResultWriter and extra fields. */
  static String machine(String writer, String extra) {
    return """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
          "ResultWriter":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"F"}],"Default":"P"},
              "F":{"Type":"Fail","Error":"Item.Bad","Cause":"a bad item"},
              "P":{"Type":"Pass","Parameters":{"got.$":"$.v"},"End":true}}}}}}""".formatted(extra, writer);
  }

  static final String TO_S3 = "{\"Resource\":\"" + PUT + "\",\"Parameters\":{\"Bucket\":\"results\",\"Prefix.$\":\"$.prefix\"}}";

  private ExecutionResult run(String definition, String items) throws Exception {
    try (Engine engine = Fixtures.engine().invoker(PUT, r -> {
      puts.add(r);
      return Json.parse("{\"ETag\":\"\\\"etag\\\"\"}");
    }).build()) {
      return engine.run(Fixtures.machine(definition), "{\"prefix\":\"jobs\",\"items\":" + items + "}", Fixtures.options());
    }
  }

  private JsonNode body(int call) throws Exception {
    return Json.parse(puts.get(call).input().get("Body").textValue());
  }

  @Test
  void resultsAndManifestAreWrittenUnderThePrefixAndTheRunIdAndTheOutputPointsAtTheManifest() throws Exception {
    ExecutionResult r = run(machine(TO_S3, "\"ItemsPath\":\"$.items\","), "[{\"v\":1},{\"v\":2}]");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String runArn = ((EventDetails.MapRunStarted) r.events().get(3).details()).mapRunArn();
    String runId = runArn.substring(runArn.lastIndexOf(':') + 1);
    String folder = "jobs/" + runId + "/";
    assertThat(puts).extracting(p -> p.input().get("Key").asText()).containsExactly(folder + "SUCCEEDED_0.json", folder + "manifest.json");
    assertThat(puts).allSatisfy(p -> {
      assertThat(p.resource()).isEqualTo(PUT);
      assertThat(p.input().get("Bucket").asText()).isEqualTo("results");
    });
    assertThat(r.output()).isEqualTo(Json.parse("""
        {"MapRunArn":"%s","ResultWriterDetails":{"Bucket":"results","Key":"%smanifest.json"}}""".formatted(runArn, folder)));

    JsonNode succeeded = body(0);
    assertThat(succeeded).hasSize(2);
    JsonNode first = succeeded.get(0);
    assertThat(first.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(first.get("Input").asText())).isEqualTo(Json.parse("{\"v\":1}"));
    assertThat(Json.parse(first.get("Output").asText())).isEqualTo(Json.parse("{\"got\":1}"));
    assertThat(first.get("ExecutionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Test/M:" + first.get("Name").asText());
    assertThat(first.get("StateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:Test/M");
    assertThat(first.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
    assertThat(first.get("StartDate").asText()).isEqualTo("2026-01-01T00:00:00.000Z");

    String size = Integer.toString(puts.get(0).input().get("Body").textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(body(1)).isEqualTo(Json.parse("""
        {"DestinationBucket":"results","MapRunArn":"%s",
         "ResultFiles":{"FAILED":[],"PENDING":[],"SUCCEEDED":[{"Key":"%sSUCCEEDED_0.json","Size":%s}]}}""".formatted(runArn, folder, size)));
    assertThat(Fixtures.types(r)).containsSubsequence(
        EventType.MapRunStarted, EventType.TaskScheduled, EventType.TaskSucceeded, EventType.TaskScheduled, EventType.TaskSucceeded,
        EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited);
    // the history keeps where each file went and its size, not the file: replay needs only the outcome
    List<JsonNode> recorded = r.events().stream().filter(e -> e.type() == EventType.TaskScheduled)
        .map(e -> ((EventDetails.TaskScheduled) e.details()).parameters()).toList();
    assertThat(recorded).containsExactly(
        Json.parse("{\"Bucket\":\"results\",\"Key\":\"%sSUCCEEDED_0.json\",\"ContentLength\":%s}".formatted(folder, size)),
        Json.parse("{\"Bucket\":\"results\",\"Key\":\"%smanifest.json\",\"ContentLength\":%d}".formatted(folder,
            puts.get(1).input().get("Body").textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
  }

  @Test
  void toleratedFailuresGoToTheFailedFileWithTheirErrorAndCause() throws Exception {
    ExecutionResult r = run(machine(TO_S3, "\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":1,"), "[{\"v\":1},{\"fail\":true}]");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(puts).extracting(p -> p.input().get("Key").asText().replaceAll("^jobs/[^/]+/", ""))
        .containsExactly("SUCCEEDED_0.json", "FAILED_0.json", "manifest.json");
    JsonNode failed = body(1).get(0);
    assertThat(failed.get("Status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("Error").asText()).isEqualTo("Item.Bad");
    assertThat(failed.get("Cause").asText()).isEqualTo("a bad item");
    assertThat(failed.has("Output")).isFalse();
    assertThat(body(2).get("ResultFiles").get("FAILED")).hasSize(1);
  }

  @Test
  void aRunThatFailsStillWritesItsResultsWithTheUnstartedItemsPending() throws Exception {
    ExecutionResult r = run(machine(TO_S3, "\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1,"), "[{\"v\":1},{\"fail\":true},{\"v\":3}]");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(puts).extracting(p -> p.input().get("Key").asText().replaceAll("^jobs/[^/]+/", ""))
        .containsExactly("SUCCEEDED_0.json", "FAILED_0.json", "PENDING_0.json", "manifest.json");
    JsonNode pending = body(2);
    assertThat(pending).hasSize(1);
    assertThat(Json.parse(pending.get(0).get("Input").asText())).isEqualTo(Json.parse("{\"v\":3}"));
    assertThat(Fixtures.types(r)).containsSubsequence(EventType.TaskSucceeded, EventType.MapRunFailed, EventType.MapStateFailed, EventType.ExecutionFailed);
  }

  @Test
  void writerConfigAloneShapesTheOutputWithoutWriting() throws Exception {
    String flatten = "{\"WriterConfig\":{\"OutputType\":\"JSON\",\"Transformation\":\"FLATTEN\"}}";
    String def = """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ResultWriter":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
            "StartAt":"P","States":{"P":{"Type":"Pass","Parameters":["a",{"b.$":"$"}],"End":true}}}}}}""";
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult r = engine.run(Fixtures.machine(def.formatted(flatten)), "[1,2]", Fixtures.options());
      assertThat(r.output()).isEqualTo(Json.parse("[\"a\",{\"b\":1},\"a\",{\"b\":2}]"));
      ExecutionResult compact = engine.run(Fixtures.machine(def.formatted(flatten.replace("FLATTEN", "COMPACT"))), "[1]", Fixtures.options());
      assertThat(compact.output()).isEqualTo(Json.parse("[[\"a\",{\"b\":1}]]"));
      ExecutionResult none = engine.run(Fixtures.machine(def.formatted(flatten.replace("FLATTEN", "NONE"))), "[1]", Fixtures.options());
      assertThat(none.output().get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
      assertThat(Json.parse(none.output().get(0).get("Output").asText())).isEqualTo(Json.parse("[\"a\",{\"b\":1}]"));
    }
  }

  @Test
  void jsonLinesOutputWritesOneResultALine() throws Exception {
    String writer = "{\"Resource\":\"" + PUT + "\",\"Parameters\":{\"Bucket\":\"results\"},"
        + "\"WriterConfig\":{\"OutputType\":\"JSONL\",\"Transformation\":\"COMPACT\"}}";
    ExecutionResult r = run(machine(writer, "\"ItemsPath\":\"$.items\","), "[{\"v\":1},{\"v\":2}]");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(puts.get(0).input().get("Key").asText()).matches("[0-9a-f-]{36}/SUCCEEDED_0.json");
    assertThat(puts.get(0).input().get("Body").textValue()).isEqualTo("{\"got\":1}\n{\"got\":2}\n");
  }

  @Test
  void aFailedWriteFailsTheMapWithResultWriterFailed() throws Exception {
    try (Engine engine = Fixtures.engine().invoker(PUT, req -> {
      throw new TaskFailure("S3.AccessDenied", "Access Denied");
    }).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(machine(TO_S3, "\"ItemsPath\":\"$.items\",")),
          "{\"prefix\":\"p/\",\"items\":[{\"v\":1}]}", Fixtures.options());
      assertThat(r.error()).isEqualTo("States.ResultWriterFailed");
      assertThat(r.cause()).matches("Writing p/[0-9a-f-]{36}/SUCCEEDED_0.json to bucket 'results' failed with S3.AccessDenied: Access Denied");
    }
  }

  @Test
  void anUnknownWriterResourceFailsBeforeAnyChildRuns() throws Exception {
    String writer = "{\"Resource\":\"arn:aws:states:::s3:copyObject\",\"Parameters\":{\"Bucket\":\"results\"}}";
    ExecutionResult r = run(machine(writer, "\"ItemsPath\":\"$.items\","), "[{\"v\":1}]");
    assertThat(r.error()).isEqualTo("States.ResultWriterFailed");
    assertThat(r.cause()).isEqualTo("ResultWriter.Resource 'arn:aws:states:::s3:copyObject' is not supported; supported is arn:aws:states:::s3:putObject");
    assertThat(puts).isEmpty();
  }
}
