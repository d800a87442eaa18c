package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.oneJsonataState;
import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import org.junit.jupiter.api.Test;

class JsonataModeTest {

  @Test
  void jsonPathFieldsAreRejectedInJsonataStates() {
    problems(oneJsonataState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
            + " \"InputPath\": \"$\", \"Parameters\": {}, \"ResultSelector\": {}, \"ResultPath\": \"$.r\", \"OutputPath\": \"$\","
            + " \"TimeoutSecondsPath\": \"$.t\"}"),
        "/States/S: \"InputPath\" is not allowed with QueryLanguage JSONata",
        "/States/S: \"Parameters\" is not allowed with QueryLanguage JSONata",
        "/States/S: \"ResultSelector\" is not allowed with QueryLanguage JSONata",
        "/States/S: \"ResultPath\" is not allowed with QueryLanguage JSONata",
        "/States/S: \"OutputPath\" is not allowed with QueryLanguage JSONata",
        "/States/S: \"TimeoutSecondsPath\" is not allowed with QueryLanguage JSONata");
    problems(oneJsonataState("{\"Type\": \"Wait\", \"End\": true, \"SecondsPath\": \"$.s\"}"),
        "/States/S: \"SecondsPath\" is not allowed with QueryLanguage JSONata",
        "/States/S: one of \"Seconds\" or \"Timestamp\" is required");
  }

  @Test
  void jsonataFieldsRequireJsonata() {
    problems(oneState("{\"Type\": \"Pass\", \"End\": true, \"Output\": 1}"),
        "/States/S: \"Output\" requires QueryLanguage JSONata");
    problems(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, \"Arguments\": {}}"),
        "/States/S: \"Arguments\" requires QueryLanguage JSONata");
  }

  @Test
  void aStateMaySwitchToJsonataButNotBackToJsonPath() {
    valid(oneState("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"End\": true, \"Output\": \"{% $states.input %}\"}"));
    problems(oneJsonataState("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONPath\", \"End\": true}"),
        "/States/S/QueryLanguage: a JSONPath state is not allowed in a JSONata state machine");
  }

  @Test
  void nestedStatesTakeTheMachinesLanguageNotTheirParents() {
    problems(oneState("{\"Type\": \"Parallel\", \"QueryLanguage\": \"JSONata\", \"End\": true, \"Branches\": [{\"StartAt\": \"B\","
            + " \"States\": {\"B\": {\"Type\": \"Pass\", \"End\": true, \"Output\": \"{% 1 %}\"}}}]}"),
        "/States/S/Branches/0/States/B: \"Output\" requires QueryLanguage JSONata");
  }

  @Test
  void expressionsMustBeWrittenInTheirDelimitersAndParse() {
    problems(oneJsonataState("""
        {"Type": "Pass", "End": true, "Output": {
           "a": "{%%}", "b": "{% 10 %", "c": "10 %}", "d": "{% \\n10 %}", "e": ["{% 10 + * 2 %}"],
           "f": "{% $sum($states.input.n %}", "g": " {% not an expression %} ", "h": "{% $states.input.x  %}",
           "i": "{%}"}}"""),
        "/States/S/Output/a: invalid JSONata expression: S0207: Unexpected end of expression (at position 0)",
        "/States/S/Output/b: a JSONata expression must end with \"%}\"",
        "/States/S/Output/c: a JSONata expression must start with \"{%\"",
        "/States/S/Output/i: a JSONata expression must end with \"%}\"",
        "/States/S/Output/d: a JSONata expression must not contain line breaks",
        "/States/S/Output/e/0: invalid JSONata expression: S0201: Syntax error: 2 (at position 8)",
        "/States/S/Output/f: invalid JSONata expression: S0203: Expected \")\" before end of expression (at position 20)");
  }

  @Test
  void expressionsNeedNoBlanksInsideTheirDelimitersAsAwssSchemaAllows() {
    // AWS's ASL schema: "pattern": "^{%(.*)%}$"; asl-validator's space rule is its own
    valid("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "C",
                "Arguments": {"p": "{%$states.input.x%}"}, "TimeoutSeconds": "{%$states.input.t%}",
                "Assign": {"v": "{%$states.result%}"}, "Output": "{%$states.result.Payload%}"},
          "C": {"Type": "Choice", "Default": "F", "Choices": [{"Condition": "{%$v = 1%}", "Next": "W"}]},
          "W": {"Type": "Wait", "Seconds": "{%1%}", "End": true},
          "F": {"Type": "Fail", "Error": "{%'E'%}", "Cause": "{%$string($v)%}"}}}""");
  }

  @Test
  void fixedFieldsTakeAConstantOrAnExpression() {
    valid(oneJsonataState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
        + " \"TimeoutSeconds\": \"{% $states.input.t %}\", \"HeartbeatSeconds\": 5, \"Arguments\": \"{% $states.input %}\","
        + " \"Credentials\": {\"RoleArn\": \"{% $role %}\"}}"));
    problems(oneJsonataState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
            + " \"TimeoutSeconds\": \"ten\", \"HeartbeatSeconds\": \"{% 1 + %}\", \"Arguments\": [1]}"),
        "/States/S/TimeoutSeconds: must be an integer or a JSONata expression",
        "/States/S/HeartbeatSeconds: invalid JSONata expression: S0207: Unexpected end of expression (at position 3)",
        "/States/S/Arguments: must be an object or a JSONata expression");
  }

  @Test
  void choiceRulesHaveAConditionInsteadOfAComparison() {
    problems("""
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "A", "Output": {"x": "{% 1 %}"}, "Choices": [
            {"Condition": "{% $states.input.ok %}", "Next": "A", "Output": "{% 2 %}", "Assign": {"v": "{% 3 %}"}},
            {"Condition": "yes", "Next": "A"},
            {"Variable": "$.v", "IsPresent": true, "Next": "A"},
            {"Next": "A"}]},
          "A": {"Type": "Succeed"}}}""",
        "/States/C/Choices/1/Condition: must be a boolean or a JSONata expression",
        "/States/C/Choices/2: \"Variable\" is not allowed with QueryLanguage JSONata",
        "/States/C/Choices/2: \"IsPresent\" is not allowed with QueryLanguage JSONata",
        "/States/C/Choices/2: \"Condition\" is required",
        "/States/C/Choices/3: \"Condition\" is required");
  }

  @Test
  void mapItemsAndWaitAndFailTakeExpressions() {
    valid("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": "{% $states.input.list %}", "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}"},
                "MaxConcurrency": "{% 2 %}", "ToleratedFailurePercentage": "{% 5 %}", "Next": "W",
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}},
          "W": {"Type": "Wait", "Timestamp": "{% $states.input.when %}", "Next": "F"},
          "F": {"Type": "Fail", "Error": "{% 'E' & $states.input.code %}", "Cause": "plain text"}}}""");
    problems(oneJsonataState("{\"Type\": \"Map\", \"End\": true, \"Items\": {\"a\": 1}, \"ItemsPath\": \"$.i\","
            + " \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}}"),
        "/States/S: \"ItemsPath\" is not allowed with QueryLanguage JSONata",
        "/States/S/Items: must be an array or a JSONata expression");
  }

  @Test
  void catchersTakeOutputAndAssignInJsonata() {
    problems("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": "$.e",
                           "Output": "{% $states.errorOutput %}", "Assign": {"e": "{% ( %}"}}]},
          "F": {"Type": "Fail"}}}""",
        "/States/T/Catch/0: \"ResultPath\" is not allowed with QueryLanguage JSONata",
        "/States/T/Catch/0/Assign/e: invalid JSONata expression: S0203: Expected \")\" before end of expression (at position 1)");
  }

  @Test
  void aDistributedMapsChildMachineMayUseJsonPathButAnInlineMapsStatesMayNot() {
    problems("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true,
                "ItemProcessor": {"StartAt": "P",
                  "States": {"P": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}}}}""",
        "/States/M/ItemProcessor/States/P/QueryLanguage: a JSONPath state is not allowed in a JSONata state machine");
    valid("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "P",
                  "States": {"P": {"Type": "Pass", "QueryLanguage": "JSONPath", "OutputPath": "$.x", "End": true}}}}}}""");
  }
}
