package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskFailure;
import org.junit.jupiter.api.Test;

/**
 * How each kind of state leaves (run.StateExit): which of ResultSelector, Assign, ResultPath,
 * OutputPath and Output apply, what Assign sees, and which bad field is reported first.
 */
class StateExitTest {
  private static final String WORK = "arn:aws:states:::aws-sdk:my:work";
  private static final String FAIL = "arn:aws:states:::aws-sdk:my:fail";

  private final Engine engine = Fixtures.engine()
      .invoker(WORK, req -> Json.parse("{\"value\":" + req.input().path("x").asInt(1) * 2 + ",\"noise\":true}"))
      .invoker(FAIL, req -> {
        throw new TaskFailure("Boom", "it broke");
      })
      .build();

  private ExecutionResult run(String definition, String input) {
    return engine.run(Fixtures.machine(definition), input, Fixtures.options());
  }

  /** The assignedVariables of the first Exited event of the named state. */
  private static JsonNode assigned(ExecutionResult r, String state) {
    for (JsonNode e : r.historyJson()) {
      JsonNode d = e.get("stateExitedEventDetails");
      if (d != null && d.get("name").asText().equals(state)) {
        return d.get("assignedVariables");
      }
    }
    throw new AssertionError("no Exited event for " + state);
  }

  @Test
  void aTaskAssignSeesTheSelectedResultNotWhatResultPathAndOutputPathMakeOfIt() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","ResultSelector":{"v.$":"$.value"},"ResultPath":"$.res",
               "OutputPath":"$.res.v","Assign":{"seen.$":"$","v.$":"$.v"},"Next":"P"},
          "P":{"Type":"Pass","Parameters":{"out.$":"$","seen.$":"$seen","v.$":"$v"},"End":true}}}
        """.formatted(WORK), "{\"x\":3}");
    assertThat(r.status()).as(r.error() + ": " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("{\"out\":6,\"seen\":{\"v\":6},\"v\":6}"));
    assertThat(assigned(r, "T").get("seen").asText()).isEqualTo("{\"v\":6}");
  }

  @Test
  void aPassAssignSeesItsParametersValueAndNotTheInput() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","InputPath":"$.in","Parameters":{"p.$":"$.k"},"ResultPath":"$.in.r","OutputPath":"$.in",
               "Assign":{"seen.$":"$"},"Next":"B"},
          "B":{"Type":"Pass","Parameters":{"out.$":"$","seen.$":"$seen"},"End":true}}}
        """, "{\"in\":{\"k\":1},\"other\":2}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"out\":{\"k\":1,\"r\":{\"p\":1}},\"seen\":{\"p\":1}}"));
  }

  @Test
  void aBadResultSelectorIsReportedBeforeABadAssignOrOutputPath() {
    ExecutionResult r = run("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","ResultSelector":{"a.$":"$.missing"},
          "Assign":{"b.$":"$.alsoMissing"},"OutputPath":"$.gone","End":true}}}
        """.formatted(WORK), "{}");
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).startsWith("An error occurred while executing the state 'T' (entered at the event id #2).")
        .contains("'$.missing'").doesNotContain("alsoMissing", "gone");
  }

  @Test
  void aBadAssignIsReportedBeforeABadOutputPath() {
    ExecutionResult r = run("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s",
          "Assign":{"b.$":"$.alsoMissing"},"OutputPath":"$.gone","End":true}}}
        """.formatted(WORK), "{}");
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("'$.alsoMissing'").doesNotContain("gone");
  }

  @Test
  void aCatchPlacesTheErrorOutputByItsResultPathAssignsFromItAndSkipsTheStatesOutputPath() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","OutputPath":"$.x","Next":"P",
               "Catch":[{"ErrorEquals":["Boom"],"ResultPath":"$.err","Assign":{"why.$":"$.Cause"},"Next":"H"}]},
          "P":{"Type":"Pass","End":true},
          "H":{"Type":"Pass","Parameters":{"in.$":"$","why.$":"$why"},"End":true}}}
        """.formatted(FAIL), "{\"x\":1}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(
        Json.parse("{\"in\":{\"x\":1,\"err\":{\"Error\":\"Boom\",\"Cause\":\"it broke\"}},\"why\":\"it broke\"}"));
    assertThat(assigned(r, "T").get("why").asText()).isEqualTo("\"it broke\"");
  }

  @Test
  void aCatchersOwnFailureEndsTheExecutionAndIsNotCaughtAgain() {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","End":true,
               "Catch":[{"ErrorEquals":["States.ALL"],"Output":"{%% $states.errorOutput.Error + 1 %%}","Next":"H"}]},
          "H":{"Type":"Pass","End":true}}}
        """.formatted(FAIL), "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(r.cause()).startsWith("An error occurred while executing the state 'T' (entered at the event id #2).");
    assertThat(Fixtures.types(r)).doesNotContain(EventType.PassStateEntered, EventType.TaskStateExited);
  }

  @Test
  void aJsonataChoiceTakesTheStatesAssignAndOutputOnlyOnItsDefault() throws Exception {
    String definition = """
        {"QueryLanguage":"JSONata","StartAt":"C","States":{
          "C":{"Type":"Choice","Assign":{"via":"default"},"Output":{"d":"{% $states.input.n %}"},"Default":"End",
               "Choices":[{"Condition":"{% $states.input.n > 5 %}","Assign":{"via":"rule"},
                           "Output":{"r":"{% $states.input.n * 2 %}"},"Next":"End"}]},
          "End":{"Type":"Pass","Output":{"in":"{% $states.input %}","via":"{% $via %}"},"End":true}}}""";
    assertThat(run(definition, "{\"n\":9}").output()).isEqualTo(Json.parse("{\"in\":{\"r\":18},\"via\":\"rule\"}"));
    assertThat(run(definition, "{\"n\":1}").output()).isEqualTo(Json.parse("{\"in\":{\"d\":1},\"via\":\"default\"}"));
  }

  @Test
  void aJsonPathChoiceAppliesOnlyOutputPathAndItsAssignSeesTheEffectiveInput() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","InputPath":"$.a","OutputPath":"$.b","Default":"E",
               "Choices":[{"Variable":"$.b.n","NumericGreaterThan":5,"Assign":{"seen.$":"$"},"Next":"E"}]},
          "E":{"Type":"Pass","Parameters":{"out.$":"$","seen.$":"$seen"},"End":true}}}
        """, "{\"a\":{\"b\":{\"n\":7}},\"z\":0}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"out\":{\"n\":7},\"seen\":{\"b\":{\"n\":7}}}"));
  }

  @Test
  void aWaitAppliesOutputPathToItsEffectiveInputAndItsAssignSeesThatInput() throws Exception {
    ExecutionResult r = run("""
        {"StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"InputPath":"$.a","OutputPath":"$.b","Assign":{"seen.$":"$"},"Next":"E"},
          "E":{"Type":"Pass","Parameters":{"out.$":"$","seen.$":"$seen"},"End":true}}}
        """, "{\"a\":{\"b\":[1,2]},\"z\":0}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"out\":[1,2],\"seen\":{\"b\":[1,2]}}"));
    HistoryEvent exited = r.events().stream().filter(e -> e.type() == EventType.WaitStateExited).findFirst().orElseThrow();
    assertThat(exited.details().toString()).contains("[1,2]");
  }

  @Test
  void aJsonataWaitAndSucceedPassTheirInputOnOrTheirOutput() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"Assign":{"n":"{% $states.input.n %}"},"Next":"S"},
          "S":{"Type":"Succeed","Output":{"n":"{% $n %}","in":"{% $states.input %}"}}}}""", "{\"n\":4}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"n\":4,\"in\":{\"n\":4}}"));
  }

  @Test
  void aJsonataTaskOutputSeesTheResultAndTheInputAndAssignedVariablesOnlyAfterExit() throws Exception {
    ExecutionResult r = run("""
        {"QueryLanguage":"JSONata","StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","Arguments":{"x":"{%% $states.input.x %%}"},
               "Assign":{"v":"{%% $states.result.value %%}"},
               "Output":{"in":"{%% $states.input.x %%}","r":"{%% $states.result.value %%}","old":"{%% $exists($v) %%}"},"Next":"P"},
          "P":{"Type":"Pass","Output":{"prev":"{%% $states.input %%}","v":"{%% $v %%}"},"End":true}}}
        """.formatted(WORK), "{\"x\":5}");
    assertThat(r.output()).isEqualTo(Json.parse("{\"prev\":{\"in\":5,\"r\":10,\"old\":false},\"v\":10}"));
  }
}
