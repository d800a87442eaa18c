package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReadingTest {

  @Test
  void malformedJsonIsOneProblemNamingLineAndColumn() {
    List<String> found = problems("{\"StartAt\": \"A\",\n  \"States\": {,}}");
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).startsWith("/: invalid JSON at line 2, column 14: Unexpected character (','");
  }

  @Test
  void anUnclosedObjectNamesWhereItOpenedWithoutParserNoise() {
    problems("{\"StartAt\": \"A\"",
        "/: invalid JSON at line 1, column 16: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at line 1, column 1)");
  }

  @Test
  void aDefinitionOverAwsSizeLimitIsRejectedNamingBothSizes() {
    String padding = " ".repeat(Validator.MAX_DEFINITION_CHARS);
    String ok = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}";
    problems(ok + padding, "/: the definition is " + (ok.length() + padding.length())
        + " characters long; AWS accepts at most 1048576");
    valid(ok + padding.substring(ok.length()));
  }

  @Test
  void emptyTextAndTrailingContentAreReported() {
    problems("  ", "/: the definition is empty");
    problems("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}} {}",
        "/: invalid JSON at line 1, column 51: unexpected content after the definition");
  }

  @Test
  void everyDuplicateKeyIsListedWithTheOtherProblems() {
    problems("""
        {"StartAt": "A", "StartAt": "A",
         "States": {
           "A": {"Type": "Pass", "Next": "B", "Next": "B"},
           "B": {"Type": "Pass", "End": true, "Result": {"x": 1, "x": 2}, "Bogus": 1}
         }}""",
        "/: duplicate key \"StartAt\"",
        "/States/A: duplicate key \"Next\"",
        "/States/B/Result: duplicate key \"x\"",
        "/States/B: unknown field \"Bogus\"");
  }

  @Test
  void aDefinitionMustBeAnObject() {
    problems("[1]", "/: a state machine definition must be a JSON object");
  }

  @Test
  void anAlreadyParsedTreeCanBeValidated() throws Exception {
    var tree = Json.parse("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\"}}}");
    assertThat(Validator.validate(tree)).containsExactly(
        new Problem("/States/S", "one of \"Next\" or \"End\" is required"),
        new Problem("/States", "no terminal state: no state has \"End\": true or is a Succeed or Fail state"));
  }
}
