package io.stepwise.engine.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.State;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tester's rules that the API test does not reach: how failures of its own stages are handled. */
class StateTesterTest {
  private final Engine engine = Engine.builder().region("us-east-1").account("123456789012").build();
  private final StateTester tester = new StateTester(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  private static State state(String json) {
    String next = json.contains("\"N\"") ? ",\"N\":{\"Type\":\"Succeed\"}" : "";
    String machine = "{\"StartAt\":\"S\",\"States\":{\"S\":" + json + next + "}}";
    return StateMachineParser.parse(machine).graph().state("S");
  }

  private static JsonNode json(String text) {
    try {
      return Json.parse(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private StateTestResult run(String state, String input, Mock mock) {
    return tester.test(new StateTest(state(state), json(input), Map.of(), null, mock, 0, null));
  }

  @Test
  void aMissingInputPathIsStatesRuntimeWhichNoRetrierOrCatcherTakes() {
    StateTestResult r = run("""
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.missing",
         "Retry":[{"ErrorEquals":["States.ALL"]}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"N"}],"Next":"N"}""",
        "{}", new Mock.Result(json("{}")));
    assertThat(r.status()).isEqualTo(TestStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).isEqualTo("Invalid path '$.missing' : No results for path: $['missing']");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}|{\"s\":\"soon\"}",
      "{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}|{\"s\":-3}",
      "{\"Type\":\"Wait\",\"TimestampPath\":\"$.t\",\"End\":true}|{\"t\":\"tomorrow\"}"})
  void aWrongWaitValueFailsWithTheWordsAnExecutionUses(String stateAndInput) {
    String[] parts = stateAndInput.split("\\|");
    StateTestResult tested = run(parts[0], parts[1], null);
    io.stepwise.engine.ExecutionResult ran = engine.run(StateMachineParser.parse("{\"StartAt\":\"S\",\"States\":{\"S\":" + parts[0] + "}}"),
        parts[1], io.stepwise.engine.RunOptions.defaults().withNames("M", "e"));
    assertThat(ran.status()).isEqualTo(io.stepwise.engine.ExecutionStatus.FAILED);
    assertThat(tested.status()).isEqualTo(TestStatus.FAILED);
    assertThat(tested.error()).isEqualTo(ran.error());
    // an execution says where in its history the state was entered; a tested state has no history
    assertThat(ran.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event id #2). " + tested.cause());
  }

  @Test
  void aFailingResultPathIsTheStatesOwnFailureAndCanBeCaught() {
    StateTestResult r = run("""
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.a.b",
         "Catch":[{"ErrorEquals":["States.ResultPathMatchFailure"],"ResultPath":null,"Next":"N"}],"Next":"N"}""",
        "{\"a\":1}", new Mock.Result(json("{}")));
    assertThat(r.status()).isEqualTo(TestStatus.CAUGHT_ERROR);
    assertThat(r.error()).isEqualTo("States.ResultPathMatchFailure");
    assertThat(r.output()).as("ResultPath null keeps the input").isEqualTo(json("{\"a\":1}"));
    assertThat(r.nextState()).isEqualTo("N");
  }

  @Test
  void aJsonataChoiceTakesTheMatchedRulesAssignAndOutput() {
    StateTestResult r = run("""
        {"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":"{% $states.input.n > 1 %}",
          "Assign":{"big":true},"Output":{"was":"{% $states.input.n %}"},"Next":"N"}],"Default":"N"}""",
        "{\"n\":2}", null);
    assertThat(r.output()).isEqualTo(json("{\"was\":2}"));
    assertThat(r.inspection().variables()).isEqualTo(json("{\"big\":true}"));
    assertThat(r.inspection().afterInputPath()).as("JSONata has no InputPath").isNull();
  }

  @Test
  void aRetrierWithMaxAttemptsZeroNeverRetriesAndMaxDelayCapsTheBackoff() {
    String task = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
         "Retry":[{"ErrorEquals":["A"],"MaxAttempts":0},{"ErrorEquals":["B"],"IntervalSeconds":10,"BackoffRate":10,"MaxDelaySeconds":30}],
         "End":true}""";
    assertThat(run(task, "{}", new Mock.Failure("A", null)).status()).isEqualTo(TestStatus.FAILED);
    StateTestResult b = tester.test(new StateTest(state(task), json("{}"), Map.of(), null, new Mock.Failure("B", null), 2, null));
    assertThat(b.status()).isEqualTo(TestStatus.RETRIABLE);
    assertThat(b.inspection().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(30);
  }

  @Test
  void aMockForAPassIsRefused() {
    assertThatThrownBy(() -> run("{\"Type\":\"Pass\",\"End\":true}", "{}", new Mock.Result(json("1"))))
        .isInstanceOf(StateTestRefusedException.class);
  }
}
