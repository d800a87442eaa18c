package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

/** A resume from the stored record and history takes nothing from the resuming caller. */
class ResumeByRecordTest {
  @Test
  void anEngineConfiguredOtherwiseResumesTheExecutionAsItWas() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"id.$":"States.UUID()","ctx.$":"$$"},"Next":"W"},
          "W":{"Type":"Wait","Seconds":5,"End":true}}}""");
    ExecutionResult whole = Fixtures.engine().build()
        .run(machine, Engine.parseInput("{}"), Fixtures.options().withType(ExecutionType.EXPRESS));
    ExecutionRecord record = whole.record();
    assertThat(record.executionArn()).isEqualTo(whole.executionArn()).contains(":express:");

    // the store: the record and the history up to the Wait, as JSON
    var stored = HistoryReader.read(Json.NODES.arrayNode().addAll(HistoryJson.toJson(whole.events().subList(0, 5))));
    Engine other = Fixtures.engine().region("eu-west-1").account("999999999999").build();
    ExecutionResult resumed = other.resume(machine, record, stored);
    assertThat(resumed.events()).isEqualTo(whole.events());
    assertThat(resumed.output()).isEqualTo(whole.output());
    assertThat(resumed.record()).isEqualTo(record);
  }

  @Test
  void thePayloadLimitAndRegionAreTheRecordsNotTheResumingEngines() {
    // a task's result of 300 KB: within the limit the execution started with, over AWS's 256 KiB
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Fetch","States":{"Fetch":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Next":"W"},
          "W":{"Type":"Wait","Seconds":5,"End":true}}}""");
    String big = "x".repeat(300_000);
    ExecutionResult whole = Fixtures.engine().payloadLimit(1_000_000)
        .invoker("arn:aws:states:::http:invoke", req -> Json.NODES.textNode(big)).build()
        .run(machine, Engine.parseInput("{}"), Fixtures.options());
    assertThat(whole.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(whole.record().payloadLimit()).isEqualTo(1_000_000);
    assertThat(whole.record().region()).isEqualTo("us-east-1");

    int waitEntered = 6; // through TaskStateExited: the result is recorded, the Wait not yet entered
    var stored = whole.events().subList(0, waitEntered);
    ExecutionResult resumed = Fixtures.engine().region("eu-west-1").build().resume(machine, whole.record(), stored);
    assertThat(resumed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(resumed.events()).isEqualTo(whole.events());
  }

  @Test
  void anExecutionStartedThroughAVersionAndAliasRecordsBothAndKeepsThemWhenResumed() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}""");
    String version = "arn:aws:states:us-east-1:111111111111:stateMachine:Test:3";
    String alias = "arn:aws:states:us-east-1:111111111111:stateMachine:Test:live";
    ExecutionResult whole = Fixtures.engine().build().run(machine, Engine.parseInput("{}"), Fixtures.options().withVersion(version, alias));
    var started = whole.historyJson().get(0).get("executionStartedEventDetails");
    assertThat(started.get("stateMachineVersionArn").asText()).isEqualTo(version);
    assertThat(started.get("stateMachineAliasArn").asText()).isEqualTo(alias);
    var stored = HistoryReader.read(Json.NODES.arrayNode().addAll(HistoryJson.toJson(whole.events().subList(0, 3))));
    ExecutionResult resumed = Fixtures.engine().build().resume(machine, whole.record(), stored);
    assertThat(resumed.events()).isEqualTo(whole.events());
  }
}
