package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Definitions that would run without end end with AWS's error, in both execution types: a Map
 * over an array that doubles on every loop (the 256 KiB payload limit), and a JSONata expression
 * that recurses for ever (its work bound). Loops of states are in DurationLimitsTest and
 * StepBudgetTest.
 */
class RunawayDefinitionsTest {
  private static final String GROWING_MAP = """
      {"QueryLanguage":"JSONata","StartAt":"Double","States":{
        "Double":{"Type":"Pass","Output":{"items":"{% $append($states.input.items, $states.input.items) %}"},"Next":"Each"},
        "Each":{"Type":"Map","Items":"{% $states.input.items %}","ItemProcessor":{"StartAt":"Id","States":{"Id":{"Type":"Pass","End":true}}},
          "Output":{"items":"{% $states.result %}"},"Next":"Again"},
        "Again":{"Type":"Choice","Choices":[{"Condition":"{% $count($states.input.items) > 100000000 %}","Next":"Done"}],"Default":"Double"},
        "Done":{"Type":"Succeed"}}}""";

  private static final String RECURSION = """
      {"QueryLanguage":"JSONata","StartAt":"Spin","States":{
        "Spin":{"Type":"Pass","Output":"{% ($f := function($x){ $f($x + 1) }; $f(0)) %}","End":true}}}""";

  private static ExecutionResult run(String definition, ExecutionType type) {
    try (Engine engine = Fixtures.engine().build()) {
      return engine.run(Fixtures.machine(definition), "{\"items\":[\"" + "x".repeat(100) + "\"]}",
          Fixtures.options().withType(type));
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutionType.class)
  void aMapOverAnArrayThatKeepsDoublingEndsAtThePayloadLimit(ExecutionType type) {
    ExecutionResult r = run(GROWING_MAP, type);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(r.events().size()).as("events before the limit").isLessThan(25_000);
  }

  @ParameterizedTest
  @EnumSource(ExecutionType.class)
  void anEndlesslyRecursiveExpressionRunsOutOfWork(ExecutionType type) {
    ExecutionResult r = run(RECURSION, type);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(r.cause()).contains("'Output'");
  }
}
