package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.engine.task.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability: an execution stopped after any step (as by a crash) and rebuilt from its events
 * alone in a fresh engine ends with the same result and the same history as one never stopped.
 */
class ResumeFromHistoryTest {

  static Stream<Arguments> machines() {
    return Stream.of(
        Arguments.of("pass chain", """
            {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($.v, 1)"},"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($.v, 1)"},"End":true}}}""", "{\"v\":1}"),
        Arguments.of("tasks, retries with jitter, catch", """
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:flaky","Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":3,"JitterStrategy":"FULL"}],
                   "ResultPath":"$.t","Next":"U"},
              "U":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:broken","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"W"}],"End":true},
              "W":{"Type":"Wait","Seconds":30,"Next":"Done"},
              "Done":{"Type":"Succeed"}}}""", "{\"v\":2}"),
        Arguments.of("parallel branches with tasks and waits", """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:double","InputPath":"$.v","Next":"AW"},
                                       "AW":{"Type":"Wait","Seconds":5,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":2,"Next":"BT"},
                                       "BT":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:double","InputPath":"$.v","End":true}}}]}}}""", "{\"v\":3}"),
        Arguments.of("map with concurrency, tasks and a choice", """
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"End":true,"ItemProcessor":{"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":2,"Next":"T"}],"Default":"S"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:double","End":true},
              "S":{"Type":"Wait","Seconds":1,"End":true}}}}}}""", "[1,2,3,4,5]"),
        Arguments.of("JSONata with variables and random values", """
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"id":"{% $uuid() %}","r":"{% $random() %}"},"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:double","Arguments":"{% $states.input.v %}","Next":"W"},
              "W":{"Type":"Wait","Seconds":3,"Next":"B"},
              "B":{"Type":"Pass","Output":{"id":"{% $id %}","r":"{% $r %}","doubled":"{% $states.input %}"},"End":true}}}""", "{\"v\":4}"),
        Arguments.of("distributed map with an ItemReader and a ResultWriter", """
            {"StartAt":"M","States":{"M":{"Type":"Map","Next":"W",
              "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                            "Parameters":{"Bucket":"data","Key.$":"$.key"}},
              "ItemSelector":{"row.$":"$$.Map.Item.Value"},
              "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}},
              "W":{"Type":"Wait","Seconds":1,"End":true}}}""", "{\"key\":\"rows.csv\"}"),
        Arguments.of("distributed map over an S3 inventory: the manifest, then each of its files", """
            {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"MaxConcurrency":1,
              "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"ManifestType":"S3_INVENTORY"},
                            "Parameters":{"Bucket":"inv","Key.$":"$.key"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "{\"key\":\"daily/manifest.json\"}"));
  }

  /** Calls made to the S3 handlers, so a test can tell whether replay called them again. */
  private static final AtomicInteger S3_CALLS = new AtomicInteger();

  private static Engine engine() {
    return Fixtures.engine()
        .invoker("arn:aws:states:::aws-sdk:t:double", r -> Json.NODES.numberNode(r.input().asInt() * 2))
        .invoker("arn:aws:states:::s3:getObject", r -> {
          S3_CALLS.incrementAndGet();
          if (r.input().path("Key").asText().endsWith("manifest.json")) {
            return Json.NODES.textNode("{\"fileSchema\":\"Bucket, Key\",\"files\":[{\"key\":\"daily/data/1.csv.gz\"},{\"key\":\"daily/data/2.csv.gz\"}]}");
          }
          return Json.NODES.textNode("id,name\n1,a\n2,b\n");
        })
        .invoker("arn:aws:states:::s3:putObject", r -> {
          S3_CALLS.incrementAndGet();
          return Json.NODES.objectNode();
        })
        .invoker("arn:aws:states:::aws-sdk:t:broken", r -> {
          throw new TaskFailure("Broken", "always");
        })
        .invoker("arn:aws:states:::aws-sdk:t:flaky", r -> {
          // fails on the first two attempts: a function of the attempt, so a re-run after a crash agrees
          int attempt = r.context().get("State").get("RetryCount").asInt();
          if (attempt < 2) {
            throw new TaskFailure("Flaky", "attempt " + attempt);
          }
          return Json.NODES.textNode("ok");
        })
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void resumingAfterAnyStepReproducesTheUninterruptedRun(String name, String definition, String input) {
    StateMachine machine = Fixtures.machine(definition);
    JsonNode in = Engine.parseInput(input);
    List<Integer> stepEnds = new ArrayList<>();
    ExecutionResult whole =
        engine().run(machine, in, Fixtures.options(), count -> stepEnds.add(count));
    assertThat(whole.status()).isNotEqualTo(ExecutionStatus.RUNNING);
    // a start that was stored before anything ran, then every step boundary
    assertResumes(machine, whole, whole.events().subList(0, 1), List.of(), "after ExecutionStarted");

    for (int i = 0; i < stepEnds.size() - 1; i++) {
      int stopAfter = i;
      AtomicInteger steps = new AtomicInteger();
      ExecutionResult crashed = engine().run(machine, in, Fixtures.options(), count -> steps.getAndIncrement() < stopAfter);
      assertThat(crashed.status()).as("stopped after step %d", i).isEqualTo(ExecutionStatus.RUNNING);
      assertResumes(machine, whole, crashed.events(), crashed.childEndings(), "after step " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("machines")
  void aHistoryWrittenAsJsonReadsBackAsTheSameEvents(String name, String definition, String input) throws Exception {
    ExecutionResult whole = engine().run(Fixtures.machine(definition), Engine.parseInput(input), Fixtures.options());
    // through text, as a store keeps it
    JsonNode stored = Json.parse(Json.write(whole.historyJson()));
    assertThat(HistoryReader.read(stored)).isEqualTo(whole.events());
  }

  @org.junit.jupiter.api.Test
  void replayingAFinishedMapRunTakesTheReaderAndWriterOutcomesFromTheHistory() {
    StateMachine machine = Fixtures.machine(machines().filter(a -> a.get()[0].toString().contains("ItemReader")).findFirst().orElseThrow().get()[1].toString());
    ExecutionResult whole = engine().run(machine, Engine.parseInput("{\"key\":\"rows.csv\"}"), Fixtures.options());
    assertThat(whole.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    int before = S3_CALLS.get();
    ExecutionResult replayed = engine().resume(machine, whole.record(), whole.events(), whole.childEndings());
    assertThat(replayed.events()).isEqualTo(whole.events());
    assertThat(replayed.output()).isEqualTo(whole.output());
    assertThat(S3_CALLS.get()).as("S3 calls during replay").isEqualTo(before);
  }

  private static void assertResumes(
      StateMachine machine, ExecutionResult whole, List<HistoryEvent> stored, List<ChildEnding> endings, String when) {
    // a fresh engine that knows nothing but the stored events, kept as JSON the way a store would
    List<HistoryEvent> read = HistoryReader.read(Json.NODES.arrayNode().addAll(HistoryJson.toJson(stored)));
    ExecutionResult resumed = engine().resume(machine, whole.record(), read, endings);
    assertThat(resumed.status()).as("status when resumed %s", when).isEqualTo(whole.status());
    assertThat(resumed.output()).as("output when resumed %s", when).isEqualTo(whole.output());
    assertThat(resumed.error()).isEqualTo(whole.error());
    assertThat(resumed.events()).as("history when resumed %s", when).isEqualTo(whole.events());
  }
}
