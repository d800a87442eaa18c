package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.task.TaskFailure;
import org.junit.jupiter.api.Test;

class JsonataAndVariablesTest {
  private final Engine engine =
      Fixtures.engine()
          .invoker("arn:aws:states:::aws-sdk:calc:double", req -> Json.NODES.numberNode(req.input().get("n").asInt() * 2))
          .invoker("arn:aws:states:::aws-sdk:calc:fail", req -> {
            throw new TaskFailure("Calc.Broken", "no");
          })
          .build();

  private ExecutionResult run(String definition, String input) {
    return engine.run(Fixtures.machine(definition), input, Fixtures.options());
  }

  @Test
  void argumentsOutputAndAssignSeeStatesInputAndResult() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:calc:double","Arguments":{"n":"{% $states.input.x + 1 %}"},
               "Assign":{"doubled":"{% $states.result %}"},
               "Output":{"in":"{% $states.input.x %}","out":"{% $states.result %}"},"Next":"P"},
          "P":{"Type":"Pass","Output":"{% $doubled * 10 %}","End":true}}}""", "{\"x\":4}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("100"));
    assertThat(r.historyJson().get(5).get("stateExitedEventDetails").get("assignedVariables").get("doubled").asText()).isEqualTo("10");
  }

  @Test
  void expressionsWithoutBlanksInsideTheDelimitersRun() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"P","States":{
          "P":{"Type":"Pass","Assign":{"y":"{%$states.input.x * 2%}"},"Output":{"x":"{%$states.input.x%}"},"Next":"Q"},
          "Q":{"Type":"Pass","Output":"{%[$states.input.x, $y]%}","End":true}}}""", "{\"x\":21}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("[21,42]"));
  }

  @Test
  void aCatcherSeesTheErrorOutputAndItsAssignSetsVariables() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:calc:fail","End":true,
               "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"why":"{% $states.errorOutput.Cause %}"},
                         "Output":{"e":"{% $states.errorOutput.Error %}"},"Next":"H"}]},
          "H":{"Type":"Pass","Output":{"e":"{% $states.input.e %}","why":"{% $why %}"},"End":true}}}""", "{}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"e\":\"Calc.Broken\",\"why\":\"no\"}"));
  }

  @Test
  void assignReadsTheValuesAtStateEntrySoTwoVariablesCanSwap() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"a":1,"b":2},"Next":"B"},
          "B":{"Type":"Pass","Assign":{"a":"{% $b %}","b":"{% $a %}"},"Next":"C"},
          "C":{"Type":"Pass","Output":["{% $a %}","{% $b %}"],"End":true}}}""", "{}");
    assertThat(r.output()).isEqualTo(Json.parse("[2,1]"));
  }

  @Test
  void branchesAndIterationsReadOuterVariablesButTheirAssignmentsStayInside() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"Set","States":{
          "Set":{"Type":"Pass","Assign":{"base":100,"seen":"outer"},"Next":"P"},
          "P":{"Type":"Parallel","Next":"M","Branches":[
            {"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"seen":"branch"},"Output":"{% $base + 1 %}","End":true}}}]},
          "M":{"Type":"Map","Items":[1,2],"ItemSelector":{"v":"{% $states.context.Map.Item.Value %}"},
               "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Output":"{% $states.input.v + $base %}","End":true}}},
               "Next":"Out"},
          "Out":{"Type":"Pass","Output":{"map":"{% $states.input %}","seen":"{% $seen %}"},"End":true}}}""", "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("{\"map\":[101,102],\"seen\":\"outer\"}"));
  }

  @Test
  void choiceConditionsPickTheRuleAndItsOutput() throws Exception {
    String def = """
        {"QueryLanguage":"JSONata","StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 10 %}","Output":"big","Next":"E"}],
               "Default":"E","Output":"small"},
          "E":{"Type":"Succeed"}}}""";
    assertThat(run(def, "{\"n\":11}").output().asText()).isEqualTo("big");
    assertThat(run(def, "{\"n\":1}").output().asText()).isEqualTo("small");
  }

  @Test
  void aJsonataErrorIsRecordedAsEvaluationFailedAndCanBeCaught() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:calc:double","Arguments":{"n":"{% $nope %}"},"End":true,
               "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"H"}]},
          "H":{"Type":"Pass","End":true}}}""", "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Fixtures.types(r)).contains(EventType.EvaluationFailed);
    assertThat(r.output().get("Cause").asText())
        .contains("The JSONata expression '$nope' specified for the field 'Arguments/n' returned nothing (undefined).");
  }

  @Test
  void jsonPathStatesAssignAndReadVariablesToo() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":{"id":7},"Assign":{"id.$":"$.id"},"Next":"B"},
          "B":{"Type":"Pass","Parameters":{"again.$":"$id"},"End":true}}}""", "{}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"again\":7}"));
  }

  @Test
  void aVariableOver256KiBFailsTheStateWithDataLimitExceeded() {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"big":"{% $states.input.s & $states.input.s %}"},"End":true}}}""",
        "{\"s\":\"" + "x".repeat(200_000) + "\"}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(r.cause()).contains("The variable 'big'");
  }
}
