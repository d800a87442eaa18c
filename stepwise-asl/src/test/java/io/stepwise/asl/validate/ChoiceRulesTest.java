package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import org.junit.jupiter.api.Test;

class ChoiceRulesTest {
  /** A Choice state "C" with the given Choices, whose rules may go to "A"; Default "A". */
  private static String choice(String rules) {
    return """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "A", "Choices": %s},
          "A": {"Type": "Succeed"}}}""".formatted(rules);
  }

  @Test
  void everyComparisonOperatorIsKnownWithItsOperandType() {
    StringBuilder rules = new StringBuilder("[");
    String[][] ops = {
      {"StringEquals", "\"a\""}, {"StringLessThan", "\"a\""}, {"StringGreaterThan", "\"a\""},
      {"StringLessThanEquals", "\"a\""}, {"StringGreaterThanEquals", "\"a\""}, {"StringMatches", "\"a*\""},
      {"NumericEquals", "1"}, {"NumericLessThan", "1.5"}, {"NumericGreaterThan", "-1"},
      {"NumericLessThanEquals", "1"}, {"NumericGreaterThanEquals", "1"}, {"BooleanEquals", "true"},
      {"TimestampEquals", "\"2016-08-18T17:33:00Z\""}, {"TimestampLessThan", "\"2016-08-18T17:33:00Z\""},
      {"TimestampGreaterThan", "\"2016-08-18T17:33:00+02:00\""},
      {"TimestampLessThanEquals", "\"2016-08-18T17:33:00.123Z\""},
      {"TimestampGreaterThanEquals", "\"2016-08-18T17:33:00Z\""},
      {"IsNull", "true"}, {"IsPresent", "false"}, {"IsNumeric", "true"}, {"IsString", "true"},
      {"IsBoolean", "true"}, {"IsTimestamp", "true"}};
    for (String[] op : ops) {
      rules.append("{\"Variable\": \"$.v\", \"").append(op[0]).append("\": ").append(op[1]).append(", \"Next\": \"A\"},");
    }
    for (String path : new String[] {"StringEqualsPath", "StringLessThanPath", "StringGreaterThanPath",
        "StringLessThanEqualsPath", "StringGreaterThanEqualsPath", "NumericEqualsPath", "NumericLessThanPath",
        "NumericGreaterThanPath", "NumericLessThanEqualsPath", "NumericGreaterThanEqualsPath", "BooleanEqualsPath",
        "TimestampEqualsPath", "TimestampLessThanPath", "TimestampGreaterThanPath", "TimestampLessThanEqualsPath",
        "TimestampGreaterThanEqualsPath"}) {
      rules.append("{\"Variable\": \"$$.Execution.Input.v\", \"").append(path).append("\": \"$.w\", \"Next\": \"A\"},");
    }
    rules.setCharAt(rules.length() - 1, ']');
    valid(choice(rules.toString()));
  }

  @Test
  void operandsMustHaveTheOperatorsType() {
    problems(choice("""
        [{"Variable": "$.v", "NumericEquals": "1", "Next": "A"},
         {"Variable": "$.v", "StringEquals": 1, "Next": "A"},
         {"Variable": "$.v", "BooleanEquals": "true", "Next": "A"},
         {"Variable": "$.v", "TimestampEquals": "2016-08-18", "Next": "A"},
         {"Variable": "$.v", "IsNull": 1, "Next": "A"},
         {"Variable": "$.v", "StringEqualsPath": "x", "Next": "A"},
         {"Variable": "$.v", "StringMatchesPath": "$.x", "Next": "A"}]"""),
        "/States/C/Choices/0/NumericEquals: must be a number",
        "/States/C/Choices/1/StringEquals: must be a string",
        "/States/C/Choices/2/BooleanEquals: must be a boolean",
        "/States/C/Choices/3/TimestampEquals: must be an RFC 3339 timestamp such as \"2016-08-18T17:33:00Z\"",
        "/States/C/Choices/4/IsNull: must be a boolean",
        "/States/C/Choices/5/StringEqualsPath: Invalid JSONPath 'x': a path must start with '$'",
        "/States/C/Choices/6: unknown field \"StringMatchesPath\"",
        "/States/C/Choices/6: a rule needs a comparison operator, or \"And\", \"Or\" or \"Not\"");
  }

  @Test
  void aComparisonNeedsAVariableAndExactlyOneOperator() {
    problems(choice("""
        [{"NumericEquals": 1, "Next": "A"},
         {"Variable": "$.v", "Next": "A"},
         {"Variable": "$.v", "NumericEquals": 1, "StringEquals": "a", "Next": "A"},
         {"Variable": "States.ArrayLength($.a)", "NumericEquals": 1, "Next": "A"}]"""),
        "/States/C/Choices/0: \"Variable\" is required",
        "/States/C/Choices/1: a rule needs a comparison operator, or \"And\", \"Or\" or \"Not\"",
        "/States/C/Choices/2: a rule takes one operator, not \"NumericEquals\", \"StringEquals\"",
        "/States/C/Choices/3/Variable: Invalid JSONPath 'States.ArrayLength($.a)': a path must start with '$'");
  }

  @Test
  void combinatorsNestRulesThatHaveNoNext() {
    valid(choice("""
        [{"And": [{"Variable": "$.a", "IsPresent": true},
                  {"Not": {"Or": [{"Variable": "$.b", "NumericEquals": 1}, {"Variable": "$.b", "IsNull": true}]}}],
          "Next": "A", "Comment": "both"}]"""));
    problems(choice("""
        [{"And": [], "Next": "A"},
         {"Or": [{"Variable": "$.a", "IsPresent": true, "Next": "A", "Assign": {}}, 3], "Next": "A"},
         {"Not": [], "Next": "A"},
         {"Not": {"Variable": "$.a", "IsNull": true}, "Variable": "$.b"},
         {"Variable": "$.a", "IsNull": true, "Next": "A", "Output": {}}]"""),
        "/States/C/Choices/0/And: must be a non-empty array",
        "/States/C/Choices/1/Or/0: \"Next\" is not allowed in a nested rule",
        "/States/C/Choices/1/Or/0: \"Assign\" is not allowed in a nested rule",
        "/States/C/Choices/1/Or/1: a choice rule must be an object",
        "/States/C/Choices/2/Not: must be an object",
        "/States/C/Choices/3: \"Variable\" is not allowed with \"Not\"",
        "/States/C/Choices/3: \"Next\" is required",
        "/States/C/Choices/4: \"Output\" requires QueryLanguage JSONata");
  }

  @Test
  void aChoiceStateNeedsRulesAndHasNoNextOrEnd() {
    problems("""
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [], "End": true, "Next": "A"},
          "A": {"Type": "Succeed"}}}""",
        "/States/C: \"End\" is not allowed in a Choice state",
        "/States/C: \"Next\" is not allowed in a Choice state",
        "/States/C/Choices: must be a non-empty array",
        "/States/A: state is unreachable from StartAt");
  }

  @Test
  void topLevelRulesMayAssignVariables() {
    valid(choice("[{\"Variable\": \"$.v\", \"IsPresent\": true, \"Next\": \"A\", \"Assign\": {\"seen.$\": \"$.v\"}}]"));
    problems(choice("[{\"Variable\": \"$.v\", \"IsPresent\": true, \"Next\": \"A\", \"Assign\": {\"seen.$\": \"v\"}}]"),
        "/States/C/Choices/0/Assign/seen.$: 'v' is neither a JSONPath (starting with '$') nor an intrinsic function call");
  }
}
