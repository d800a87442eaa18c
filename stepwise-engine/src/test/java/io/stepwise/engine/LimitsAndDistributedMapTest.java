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
  void aStateOutputOver256KiBFailsTheExecutionWithDataLimitExceededBeforeTheStateExits() {
    // a Map whose collected results pass 256 KiB: 200 items of 1,000 characters, each returned twice
    ExecutionResult r = engine.run(Fixtures.machine("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
          "ItemSelector":{"a.$":"$$.Map.Item.Value","b.$":"$$.Map.Item.Value"},
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""),
        "{\"items\":[" + String.join(",", java.util.Collections.nCopies(200, "\"" + "z".repeat(1000) + "\"")) + "]}",
        Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(r.cause()).isEqualTo(
        "The state/task 'M' returned a result with a size exceeding the maximum number of bytes service limit.");
    assertThat(Fixtures.types(r)).doesNotContain(EventType.MapStateExited);
    try (Engine lifted = Fixtures.engine().payloadLimit(Integer.MAX_VALUE).build()) {
      ExecutionResult whole = lifted.run(Fixtures.machine("""
          {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
            "ItemSelector":{"a.$":"$$.Map.Item.Value","b.$":"$$.Map.Item.Value"},
            "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""),
          "{\"items\":[" + String.join(",", java.util.Collections.nCopies(200, "\"" + "z".repeat(1000) + "\"")) + "]}",
          Fixtures.options());
      assertThat(whole.status()).as("a lifted limit lets it through").isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(whole.output()).hasSize(200);
    }
  }

  @Test
  void outputsGrowingStateByStateFailWhereTheyPassTheLimitAndNotBefore() {
    // each state doubles $.a: 50,000 -> 100,000 -> 200,000 -> 400,000 characters
    String doubling = "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"States.Format('{}{}', $.a, $.a)\"},";
    ExecutionResult r = engine.run(Fixtures.machine("{\"StartAt\":\"P1\",\"States\":{"
        + "\"P1\":" + doubling + "\"Next\":\"P2\"},\"P2\":" + doubling + "\"Next\":\"P3\"},"
        + "\"P3\":" + doubling + "\"Next\":\"P4\"},\"P4\":{\"Type\":\"Pass\",\"End\":true}}}"),
        "{\"a\":\"" + "d".repeat(50_000) + "\"}", Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(r.cause()).contains("'P3'");
    assertThat(Fixtures.types(r)).containsSubsequence(EventType.PassStateExited, EventType.PassStateExited,
        EventType.PassStateEntered, EventType.ExecutionFailed);
  }

  @Test
  void replacingALargeFieldStateAfterStateStaysWithinTheLimit() {
    // 40 states each put a fresh 30,000-character copy of $.seed at $.x: the output stays near
    // 60 KB, while the bound carried from state to state passes the limit every other state
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      states.append("\"S").append(i).append("\":{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"States.Format('{}', $.seed)\"},")
          .append("\"ResultPath\":\"$.x\",").append(i < 39 ? "\"Next\":\"S" + (i + 1) + "\"}," : "\"End\":true}");
    }
    ExecutionResult r = engine.run(Fixtures.machine("{\"StartAt\":\"S0\",\"States\":{" + states + "}}"),
        "{\"seed\":\"" + "s".repeat(30_000) + "\"}", Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("x").get("v").asText()).hasSize(30_000);
  }

  @Test
  void aTaskInputOver256KiBAfterParametersFailsBeforeTheTaskIsCalled() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    try (Engine counting = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:s3:putObject", req -> {
      calls.incrementAndGet();
      return Json.NODES.objectNode();
    }).build()) {
      ExecutionResult r = counting.run(Fixtures.machine("""
          {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:putObject",
            "Parameters":{"a.$":"$.s","b.$":"$.s"},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},
            "C":{"Type":"Pass","End":true}}}"""), "{\"s\":\"" + "q".repeat(140_000) + "\"}", Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
      assertThat(r.cause()).contains("'T'").contains("after Parameters or Arguments");
      assertThat(calls).hasValue(0);
      assertThat(Fixtures.types(r)).doesNotContain(EventType.TaskScheduled);
    }
  }

  @Test
  void anOutputJustUnderTheLimitPassesEvenWithCharactersThatTakeSeveralBytes() {
    // 87,000 three-byte characters: 261,000 bytes of UTF-8, under 262,144
    String text = "\u20ac".repeat(87_000);
    ExecutionResult r = engine.run(Fixtures.machine("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""), "{\"a\":\"" + text + "\"}", Fixtures.options());
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    ExecutionResult over = engine.run(Fixtures.machine("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.a","b.$":"$.a"},"End":true}}}"""),
        "{\"a\":\"" + "\u20ac".repeat(44_000) + "\"}", Fixtures.options());
    assertThat(over.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(over.error()).isEqualTo("States.DataLimitExceeded");
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
