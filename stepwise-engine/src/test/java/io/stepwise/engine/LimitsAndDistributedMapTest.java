package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import org.junit.jupiter.api.Test;

class LimitsAndDistributedMapTest {
  private final Engine engine =
      Fixtures.engine()
          .invoker("arn:aws:states:::aws-sdk:big:result", req -> Json.NODES.textNode("x".repeat(257 * 1024)))
          .build();

  /** Loops until $.stop is true, which it never becomes. */
  private static final String LOOP = """
      {"StartAt":"A","States":{
        "A":{"Type":"Pass","Next":"B"},
        "B":{"Type":"Choice","Choices":[{"Variable":"$.stop","BooleanEquals":true,"Next":"Done"}],"Default":"A"},
        "Done":{"Type":"Succeed"}}}""";

  @Test
  void aStandardExecutionFailsWhenItsHistoryReaches25000Events() {
    ExecutionResult r = engine.run(Fixtures.machine(LOOP), "{\"stop\":false}", Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.events()).hasSize(25_000);
    assertThat(r.events().getLast().type()).isEqualTo(EventType.ExecutionFailed);
  }

  @Test
  void anOversizedTaskResultFailsTheTaskWithDataLimitExceededWhichCanBeCaught() {
    ExecutionResult r = engine.run(Fixtures.machine("""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:big:result","Catch":[{"ErrorEquals":["States.DataLimitExceeded"],"Next":"C"}],"End":true},
          "C":{"Type":"Pass","End":true}}}"""), "{}", Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("Error").asText()).isEqualTo("States.DataLimitExceeded");
    assertThat(Fixtures.types(r)).contains(EventType.TaskFailed);
  }

  @Test
  void executionInputOver256KiBIsRejected() {
    String big = "{\"a\":\"" + "y".repeat(256 * 1024) + "\"}";
    assertThatThrownBy(() -> engine.run(Fixtures.machine(LOOP), big, Fixtures.options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 KiB");
  }

  @Test
  void aDistributedMapRunsItsItemsAsChildWorkflowsOutsideTheParentHistory() throws Exception {
    ExecutionResult r = engine.run(Fixtures.machine("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""), "[\"a\",\"b\"]", Fixtures.options());
    assertThat(r.output()).isEqualTo(Json.parse("[{\"v\":\"a\",\"i\":0},{\"v\":\"b\",\"i\":1}]"));
    assertThat(Fixtures.types(r))
        .containsExactly(
            EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted, EventType.MapRunStarted,
            EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited, EventType.ExecutionSucceeded);
  }
}
