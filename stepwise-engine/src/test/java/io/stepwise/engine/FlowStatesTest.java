package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskFailure;
import org.junit.jupiter.api.Test;

class FlowStatesTest {
  private final Engine engine =
      Fixtures.engine()
          .invoker("arn:aws:states:::aws-sdk:my:double", req -> Json.NODES.numberNode(req.input().asInt() * 2))
          .invoker("arn:aws:states:::aws-sdk:my:fail", req -> {
            throw new TaskFailure("Nope", "item " + req.input());
          })
          .build();

  private ExecutionResult run(String definition, String input) {
    return engine.run(Fixtures.machine(definition), input, Fixtures.options());
  }

  @Test
  void choiceTakesTheFirstMatchingRuleOrTheDefault() {
    String def = """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[
            {"And":[{"Variable":"$.n","NumericGreaterThan":10},{"Not":{"Variable":"$.s","StringMatches":"x*"}}],"Next":"Big"},
            {"Variable":"$.n","NumericLessThanPath":"$.limit","Next":"Small"}],"Default":"Other"},
          "Big":{"Type":"Pass","Result":"big","End":true},
          "Small":{"Type":"Pass","Result":"small","End":true},
          "Other":{"Type":"Pass","Result":"other","End":true}}}
        """;
    assertThat(run(def, "{\"n\":11,\"s\":\"abc\",\"limit\":0}").output().asText()).isEqualTo("big");
    assertThat(run(def, "{\"n\":11,\"s\":\"xyz\",\"limit\":20}").output().asText()).isEqualTo("small");
    assertThat(run(def, "{\"n\":11,\"s\":\"xyz\",\"limit\":5}").output().asText()).isEqualTo("other");
  }

  @Test
  void choiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() {
    ExecutionResult r = run("""
        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","IsNull":true,"Next":"E"}]},"E":{"Type":"Succeed"}}}
        """, "{\"n\":1}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  @org.junit.jupiter.api.Timeout(30) // a guard: with the fixed clock, a real wait would hang for an hour
  void waitSecondsPassOnTheEnginesClockWithoutWallTime() {
    ExecutionResult r = run("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}
        """, "{}");
    HistoryEvent entered = r.events().get(1);
    HistoryEvent exited = r.events().get(2);
    assertThat(exited.type()).isEqualTo(EventType.WaitStateExited);
    assertThat(exited.timestamp() - entered.timestamp()).isEqualTo(3_600_000);
  }

  @Test
  void parallelRunsBranchesAndCollectsOutputsInBranchOrder() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:double","InputPath":"$.v","End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}}
        """, "{\"v\":21}");
    assertThat(r.output()).isEqualTo(Json.parse("[42,\"b\"]"));
    assertThat(Fixtures.types(r)).contains(EventType.ParallelStateStarted, EventType.ParallelStateSucceeded, EventType.ParallelStateExited);
  }

  @Test
  void aFailingBranchFailsTheParallelWhichCanCatchIt() {
    ExecutionResult r = run("""
        {"StartAt":"P","States":{
          "P":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["Nope"],"Next":"Caught"}],"Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:fail","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":100,"End":true}}}]},
          "Done":{"Type":"Succeed"},
          "Caught":{"Type":"Pass","End":true}}}
        """, "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("Error").asText()).isEqualTo("Nope");
    assertThat(Fixtures.types(r)).contains(EventType.ParallelStateFailed, EventType.WaitStateAborted);
  }

  @Test
  void mapRunsEachItemWithItemSelectorAndTheMapItemContext() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,
          "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
          "ItemProcessor":{"StartAt":"D","States":{"D":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:double","InputPath":"$.v","End":true}}},
          "ResultPath":"$.out","End":true}}}
        """, "{\"items\":[1,2,3],\"k\":\"z\"}");
    assertThat(r.output().get("out")).isEqualTo(Json.parse("[2,4,6]"));
    long started = r.events().stream().filter(e -> e.type() == EventType.MapIterationStarted).count();
    assertThat(started).isEqualTo(3);
    assertThat(r.historyJson().toString()).contains("\"length\":3");
  }

  @Test
  void aFailingIterationFailsTheMap() {
    ExecutionResult r = run("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:fail","End":true}}}}}}
        """, "[1,2]");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Nope");
    assertThat(Fixtures.types(r)).contains(EventType.MapIterationFailed, EventType.MapStateFailed);
  }

  @Test
  void mapOverSomethingThatIsNotAnArrayFails() {
    ExecutionResult r = run("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
        """, "{\"a\":1}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.cause()).contains("Map state input must be an array but was: {\"a\":1}");
  }

  @Test
  void executionTimeoutEndsItTimedOut() {
    ExecutionResult r = run("""
        {"TimeoutSeconds":10,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}
        """, "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(r.error()).as("AWS reports a timed-out execution without error or cause").isNull();
    assertThat(Fixtures.types(r).getLast()).isEqualTo(EventType.ExecutionTimedOut);
  }
}
