package io.stepwise.engine;

import static io.stepwise.engine.history.EventType.ExecutionStarted;
import static io.stepwise.engine.history.EventType.ExecutionSucceeded;
import static io.stepwise.engine.history.EventType.PassStateEntered;
import static io.stepwise.engine.history.EventType.PassStateExited;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

class PassAndPipelineTest {
  private final Engine engine = Fixtures.engine().build();

  private ExecutionResult run(String definition, String input) {
    return engine.run(Fixtures.machine(definition), input, Fixtures.options());
  }

  private static JsonNode json(String s) throws Exception {
    return Json.parse(s);
  }

  @Test
  void parametersResultPathAndOutputPathApplyInAwsOrder() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","InputPath":"$.in","Parameters":{"v.$":"$.x","k":1},"ResultPath":"$.out","OutputPath":"$.out","Next":"B"},
          "B":{"Type":"Pass","Result":{"done":true},"ResultPath":"$.r","End":true}}}
        """, "{\"in\":{\"x\":5},\"other\":2}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(json("{\"v\":5,\"k\":1,\"r\":{\"done\":true}}"));
    assertThat(Fixtures.types(r))
        .containsExactly(ExecutionStarted, PassStateEntered, PassStateExited, PassStateEntered, PassStateExited, ExecutionSucceeded);
  }

  @Test
  void pathsWithADotBeforeABracketRunAsJaywayReadsThem() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","InputPath":"$.Items.[0]","Parameters":{"id.$":"$.Id","tags.$":"$.tags.[*].['k']"},
               "ResultPath":"$.out.[0]","OutputPath":"$.out","Next":"C"},
          "C":{"Type":"Choice","Choices":[{"Variable":"$.[0].id","NumericEquals":7,"Next":"D"}],"Default":"F"},
          "D":{"Type":"Pass","End":true},
          "F":{"Type":"Fail","Error":"Wrong"}}}
        """, "{\"Items\":[{\"Id\":7,\"tags\":[{\"k\":\"a\"},{\"k\":\"b\"}]}],\"out\":[0]}");
    assertThat(r.status()).as(r.error() + ": " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(json("[{\"id\":7,\"tags\":[\"a\",\"b\"]}]"));
  }

  @Test
  void aJsonPathFunctionOtherThanLengthDeploysAndFindsNothingAsOnAws() throws Exception {
    // as reported on AWS re:Post ("sum() function returns error about not finding path")
    ExecutionResult r = run("""
        {"StartAt":"Sum Jobs","States":{"Sum Jobs":{"Type":"Pass","Parameters":{"Jobs.$":"$.Jobs.sum()"},"End":true}}}
        """, "{\"Jobs\":[0,1,0]}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'Sum Jobs' (entered at the event id #2)."
        + " The JSONPath '$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in the input '{\"Jobs\":[0,1,0]}'");
  }

  @Test
  void resultPathNullKeepsTheInputAndInputPathNullPassesAnEmptyObject() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":"ignored","ResultPath":null,"Next":"B"},
          "B":{"Type":"Pass","InputPath":null,"End":true}}}
        """, "{\"a\":1}");
    assertThat(r.output()).isEqualTo(json("{}"));
    assertThat(r.events().get(2).details().toString()).contains("{\"a\":1}");
  }

  @Test
  void historyChainsPreviousEventIdsAndRecordsInputsAndOutputs() {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Result":7,"End":true}}}
        """, "{}");
    assertThat(r.events()).extracting(e -> e.id()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(r.events()).extracting(e -> e.previousEventId()).containsExactly(0L, 0L, 2L, 3L);
    JsonNode h = r.historyJson();
    assertThat(h.get(1).get("stateEnteredEventDetails").get("input").asText()).isEqualTo("{}");
    assertThat(h.get(2).get("stateExitedEventDetails").get("output").asText()).isEqualTo("7");
    assertThat(h.get(3).get("executionSucceededEventDetails").get("output").asText()).isEqualTo("7");
    assertThat(r.executionArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Test:exec-1");
  }

  @Test
  void aMissingInputPathFailsWithStatesRuntimeNamingTheStateAndPath() {
    ExecutionResult r = run("""
        {"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.NoSuchInputPath","End":true}}}
        """, "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause())
        .isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
            + "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  }

  @Test
  void contextObjectIsVisibleInParameters() {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"name.$":"$$.State.Name","exec.$":"$$.Execution.Name","input.$":"$$.Execution.Input"},"End":true}}}
        """, "{\"q\":1}");
    assertThat(r.output().get("name").asText()).isEqualTo("A");
    assertThat(r.output().get("exec").asText()).isEqualTo("exec-1");
    assertThat(r.output().get("input").get("q").asInt()).isEqualTo(1);
  }

  @Test
  void redriveCountIsZeroExceptForAnExpressExecutionStartedSynchronously() {
    var machine = Fixtures.machine("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"e.$":"$$.Execution"},"End":true}}}
        """);
    RunOptions standard = Fixtures.options();
    RunOptions express = standard.withType(ExecutionType.EXPRESS);
    assertThat(engine.run(machine, "{}", standard).output().get("e").get("RedriveCount").asInt()).isZero();
    assertThat(engine.run(machine, "{}", express).output().get("e").get("RedriveCount").asInt()).isZero();
    assertThat(engine.run(machine, "{}", express.withSynchronous(true)).output().get("e").has("RedriveCount")).isFalse();
  }

  @Test
  void failStateEndsTheExecutionWithItsErrorAndCause() {
    ExecutionResult r = run("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Oops","Cause":"bad"}}}
        """, "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Oops");
    assertThat(r.cause()).isEqualTo("bad");
    assertThat(Fixtures.types(r).getLast().name()).isEqualTo("ExecutionFailed");
  }

  @Test
  void malformedInputIsRejectedWithAClearMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Engine.parseInput("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 1");
  }
}
