package io.stepwise.engine.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Step Functions Local's MockConfigFile: the documented example, and every malformed kind at its JSON Pointer. */
class MockConfigParserTest {
  /** The example of AWS's "Configuration File for Mocked Service Integrations" page. */
  private static final String DOCUMENTED = """
      {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{
          "HappyPath":{"LambdaState":"MockedLambdaSuccess","SQSState":"MockedSQSSuccess"},
          "RetryPath":{"LambdaState":"MockedLambdaRetry","SQSState":"MockedSQSSuccess"},
          "HybridPath":{"LambdaState":"MockedLambdaSuccess"}}}},
       "MockedResponses":{
          "MockedLambdaSuccess":{"0":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}},
          "LambdaMockedResourceNotReady":{"0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}}},
          "MockedSQSSuccess":{"0":{"Return":{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}},
          "MockedLambdaRetry":{
            "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
            "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
            "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}}}}""";

  private static List<String> problems(String text) {
    try {
      MockConfigParser.parse(text);
    } catch (InvalidMockConfigException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void theDocumentedExampleReadsWithItsTestCasesAndRanges() {
    MockConfig c = MockConfigParser.parse(DOCUMENTED);
    TestCase retry = c.testCase("LambdaSQSIntegration", "RetryPath").orElseThrow();
    assertThat(retry.responseFor("LambdaState")).isEqualTo("MockedLambdaRetry");
    assertThat(retry.responseFor("Other")).isNull();
    assertThat(c.testCase("LambdaSQSIntegration", "HybridPath").orElseThrow().responses()).containsOnlyKeys("LambdaState");
    assertThat(c.testCase("LambdaSQSIntegration", "Nope")).isEmpty();
    assertThat(c.hasStateMachine("Other")).isFalse();
    MockedResponse r = c.response("MockedLambdaRetry").orElseThrow();
    assertThat(r.answer(0)).contains(new MockAnswer.Throw("Lambda.ResourceNotReadyException", "Lambda resource is not ready."));
    assertThat(r.answer(1)).contains(new MockAnswer.Throw("Lambda.TimeoutException", "Lambda timed out."));
    assertThat(r.answer(2)).isEqualTo(r.answer(1));
    assertThat(r.answer(3).orElseThrow()).isInstanceOf(MockAnswer.Return.class);
    assertThat(Json.write(((MockAnswer.Return) r.answer(3).orElseThrow()).value())).contains("Hello from Lambda!");
    assertThat(r.answer(4)).isEmpty(); // past the last range: no answer (the task fails with States.Runtime)
  }

  @Test
  void aReturnMayBeAnyJsonValueAndAThrowMayLeaveOutItsCauseAndAResponseMayBeEmpty() {
    MockConfig c = MockConfigParser.parse("""
        {"StateMachines":{},"MockedResponses":{"S":{"0":{"Return":"text"},"1":{"Return":null},"2":{"Throw":{"Error":"E"}}},"Empty":{}}}""");
    assertThat(c.response("S").orElseThrow().answer(1)).contains(new MockAnswer.Return(Json.NODES.nullNode()));
    assertThat(c.response("S").orElseThrow().answer(2)).contains(new MockAnswer.Throw("E", null));
    assertThat(c.response("Empty").orElseThrow().answer(0)).isEmpty();
  }

  @Test
  void aKeyThatIsNoCallNumberOrRangeIsReportedAtItsPointer() {
    assertThat(problems("""
        {"MockedResponses":{"MockedLambdaSuccess":{"0-x":{"Return":1},"01":{"Return":1},"-1":{"Return":1},"3-1":{"Return":1}}}}"""))
        .containsExactly(
            "/MockedResponses/MockedLambdaSuccess/0-x: \"0-x\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)",
            "/MockedResponses/MockedLambdaSuccess/01: \"01\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)",
            "/MockedResponses/MockedLambdaSuccess/-1: \"-1\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)",
            "/MockedResponses/MockedLambdaSuccess/3-1: the range \"3-1\" ends before it begins");
  }

  @Test
  void overlappingRangesAreReported() {
    assertThat(problems("{\"MockedResponses\":{\"R\":{\"0-2\":{\"Return\":1},\"2\":{\"Return\":2}}}}"))
        .containsExactly("/MockedResponses/R/2: the calls \"2\" overlap \"0-2\": each call has one answer");
  }

  @Test
  void anEntryNeedsExactlyOneOfReturnAndThrowAndAThrowAnErrorString() {
    assertThat(problems("""
        {"MockedResponses":{"R":{"0":{},"1":{"Return":1,"Throw":{"Error":"E"}},"2":{"Returns":1},"3":{"Throw":"E"},
          "4":{"Throw":{"Cause":"c"}},"5":{"Throw":{"Error":7,"Cause":false}},"6":[]}}}"""))
        .containsExactly(
            "/MockedResponses/R/0: missing Return or Throw",
            "/MockedResponses/R/1: has both Return and Throw: a mocked call has one of them",
            "/MockedResponses/R/2/Returns: unknown field: a mocked call has Return or Throw",
            "/MockedResponses/R/2: missing Return or Throw",
            "/MockedResponses/R/3/Throw: Throw must be a JSON object, not a string",
            "/MockedResponses/R/4/Throw: missing Error",
            "/MockedResponses/R/5/Throw/Error: must be a string, not a number",
            "/MockedResponses/R/5/Throw/Cause: must be a string, not a boolean",
            "/MockedResponses/R/6: a mocked call must be a JSON object, not an array");
  }

  @Test
  void aTestCaseNamingAResponseThatIsNotThereIsReportedWithEveryOtherProblem() {
    assertThat(problems("""
        {"StateMachines":{"M":{"TestCases":{"Happy":{"A":"Missing","B":3}}},"N":{"Cases":{}},"O":[],"P/Q":{"TestCases":{"C":"x"}}},
         "MockedResponse":{},"MockedResponses":{"R":{"x":{"Return":1}}}}"""))
        .containsExactly(
            "/MockedResponse: unknown field: a mock configuration has StateMachines and MockedResponses",
            "/MockedResponses/R/x: \"x\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)",
            "/StateMachines/M/TestCases/Happy/A: the mocked response \"Missing\" is not in MockedResponses",
            "/StateMachines/M/TestCases/Happy/B: must be the name of a mocked response (a string), not a number",
            "/StateMachines/N/Cases: unknown field: a state machine's entry has TestCases",
            "/StateMachines/N: missing TestCases",
            "/StateMachines/O: a state machine's entry must be a JSON object, not an array",
            "/StateMachines/P~1Q/TestCases/C: a test case must be a JSON object, not a string");
  }

  @Test
  void textThatIsNotAJsonObjectIsRefused() {
    assertThat(problems("{\"StateMachines\":")).singleElement().asString().startsWith("/: not JSON: ");
    assertThat(problems("[]")).containsExactly("/: a mock configuration is a JSON object with StateMachines and MockedResponses");
    assertThat(problems("{\"StateMachines\":[],\"MockedResponses\":1}")).containsExactly(
        "/MockedResponses: MockedResponses must be a JSON object, not a number",
        "/StateMachines: StateMachines must be a JSON object, not an array");
    assertThatThrownBy(() -> MockConfigParser.parse("[]")).hasMessage(
        "/: a mock configuration is a JSON object with StateMachines and MockedResponses");
  }
}
