package io.stepwise.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.asl.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite is checked whole before any case runs, and every problem is reported at its JSON Pointer. */
class SuiteParserTest {
  @TempDir Path dir;

  private static final String DEFINITION = """
      {"StartAt":"Charge","States":{
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Done"},
        "Done":{"Type":"Pass","End":true}}}""";

  private List<Problem> problems(String yaml) {
    InvalidSuiteException e = catchThrowableOfType(InvalidSuiteException.class, () -> SuiteParser.parse(yaml, "suite.yaml", dir));
    assertThat(e).as("the suite is refused").isNotNull();
    return e.problems();
  }

  @Test
  void everyProblemOfAMalformedSuiteIsReportedAtItsPointer() throws Exception {
    Files.writeString(dir.resolve("m.asl.json"), DEFINITION);
    List<Problem> p = problems("""
        definition: m.asl.json
        colour: blue
        MockedResponses:
          Ok: {"0": {Return: 1}}
          Bad: {"x": {Return: 1}}
        cases:
          - name: one
            mocks: {Charge: Missing, Nowhere: Ok, Done: Ok}
            expect: {status: DONE, stats: []}
          - name: one
            mocks:
              Charge: {"0": {Throw: {Cause: no error}}}
          - name: three
            mockConfig: MockConfigFile.json
          - {name: four, expected: {}}
        """);
    assertThat(p).extracting(Problem::toString).containsExactlyInAnyOrder(
        "/colour: unknown key: a suite has name, definition, stateMachineName, MockedResponses, cases",
        "/MockedResponses/Bad/x: \"x\" is not a call number or range (\"0\", \"1-3\": calls counted from 0)",
        "/cases/0/mocks/Charge: the mocked response \"Missing\" is not in the suite's MockedResponses (Bad, Ok)",
        "/cases/0/mocks/Nowhere: the definition has no state \"Nowhere\"",
        "/cases/0/mocks/Done: the state \"Done\" is a Pass state: only Task states can be mocked",
        "/cases/0/expect/status: \"DONE\" is not an execution status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED)",
        "/cases/0/expect/stats: unknown key: expect has status, output, error, cause, states, variables",
        "/cases/1/name: another case is named \"one\": each case has a name of its own",
        "/cases/1/mocks/Charge/0/Throw: missing Error",
        "/cases/2: mockConfig names a file without testCase, the test case of it to run",
        "/cases/3/expected: unknown key: a case has name, input, mocks, mockConfig, testCase, expect");
  }

  @Test
  void anInvalidDefinitionIsRefusedWithTheValidatorsProblems() throws Exception {
    List<Problem> inline = problems("""
        definition: {StartAt: Nope, States: {A: {Type: Pass, End: true}}}
        cases: [{name: a}]
        """);
    assertThat(inline).extracting(Problem::pointer).allMatch(ptr -> ptr.startsWith("/definition"));
    assertThat(inline).extracting(Problem::message).anyMatch(m -> m.contains("Nope"));

    Files.writeString(dir.resolve("bad.asl.json"), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}");
    List<Problem> file = problems("definition: bad.asl.json\ncases: [{name: a}]\n");
    assertThat(file).extracting(Problem::toString).contains(
        "/definition: bad.asl.json is invalid at /States/A: one of \"Next\" or \"End\" is required");

    assertThat(problems("definition: missing.asl.json\ncases: [{name: a}]\n")).extracting(Problem::toString)
        .singleElement().asString().startsWith("/definition: the definition ").endsWith("missing.asl.json cannot be read: no such file");
  }

  @Test
  void aStepFunctionsLocalFileMustHoldTheTestCaseForTheMachine() throws Exception {
    Files.writeString(dir.resolve("Pay.asl.json"), DEFINITION);
    Files.writeString(dir.resolve("MockConfigFile.json"), """
        {"StateMachines":{"Pay":{"TestCases":{"Happy":{"Charge":"R"}}}},"MockedResponses":{"R":{"0":{"Return":1}}}}""");
    assertThat(problems("""
        definition: Pay.asl.json
        cases: [{name: a, mockConfig: MockConfigFile.json, testCase: Sad}]
        """)).extracting(Problem::toString).containsExactly(
        "/cases/0/testCase: the test case \"Sad\" is not among the TestCases of \"Pay\" in MockConfigFile.json (Happy)");
    Files.writeString(dir.resolve("Other.json"), """
        {"StateMachines":{"Pay":{"TestCases":{"Stale":{"Refund":"R"}}}},"MockedResponses":{"R":{"0":{"Return":1}}}}""");
    assertThat(problems("""
        definition: Pay.asl.json
        cases: [{name: a, mockConfig: Other.json, testCase: Stale}, {name: b, mockConfig: none.json, testCase: X}]
        """)).extracting(Problem::toString).containsExactly(
        "/cases/0/testCase: the test case \"Stale\" of Other.json mocks \"Refund\", but the definition has no state \"Refund\"",
        "/cases/1/mockConfig: the mock configuration " + dir.resolve("none.json") + " cannot be read: no such file");
    Suite suite = SuiteParser.parse("""
        definition: Pay.asl.json
        cases: [{name: a, mockConfig: MockConfigFile.json, testCase: Happy}]
        """, "suite.yaml", dir);
    assertThat(suite.machineName()).isEqualTo("Pay");
    assertThat(suite.mocks().testCase("Pay", "a").orElseThrow().responses()).containsEntry("Charge", "R");
  }

  @Test
  void textThatIsNotYamlOrJsonIsOneProblemAtTheRoot() {
    assertThatThrownBy(() -> SuiteParser.parse("cases: [", "s.yaml", dir)).isInstanceOf(InvalidSuiteException.class)
        .hasMessageContaining("s.yaml: invalid suite (1 problem)").hasMessageContaining("not YAML");
    assertThatThrownBy(() -> SuiteParser.parse("{\"cases\": }", "s.json", dir)).isInstanceOf(InvalidSuiteException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void anchorsAliasesAndMergeKeysShareAnOrderAndMocksBetweenCases() throws Exception {
    Files.writeString(dir.resolve("m.asl.json"), DEFINITION);
    Suite suite = SuiteParser.parse("""
        definition: m.asl.json
        cases:
          - name: first
            input: &order {orderId: O-1, lines: [{sku: TEA, quantity: 2, price: 3.5}], gift: false, note: null, at: 2026-12-03}
            mocks: &paid
              Charge: {"0": {Return: {paymentId: P-1}}}
          - name: second
            input: *order
            mocks:
              <<: *paid
          - name: third
            input:
              <<: *order
              orderId: O-3
        """, "suite.yaml", dir);
    assertThat(suite.cases()).extracting(c -> c.input().toString()).containsExactly(
        "{\"orderId\":\"O-1\",\"lines\":[{\"sku\":\"TEA\",\"quantity\":2,\"price\":3.5}],\"gift\":false,\"note\":null,\"at\":\"2026-12-03\"}",
        "{\"orderId\":\"O-1\",\"lines\":[{\"sku\":\"TEA\",\"quantity\":2,\"price\":3.5}],\"gift\":false,\"note\":null,\"at\":\"2026-12-03\"}",
        "{\"orderId\":\"O-3\",\"lines\":[{\"sku\":\"TEA\",\"quantity\":2,\"price\":3.5}],\"gift\":false,\"note\":null,\"at\":\"2026-12-03\"}");
    assertThat(suite.mocks().testCase("m", "second").orElseThrow().responses()).containsKey("Charge");
  }

  @Test
  void aDuplicateKeyOrAnAliasOfNothingIsNotYaml() {
    assertThat(problems("name: a\nname: b\n")).extracting(Problem::toString)
        .containsExactly("/: not YAML: duplicate key \"name\" at line 2");
    assertThat(problems("cases: [*nothing]\n")).singleElement().asString().startsWith("/: not YAML: ").contains("nothing");
  }
}
