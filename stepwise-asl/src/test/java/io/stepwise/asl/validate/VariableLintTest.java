package io.stepwise.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableLintTest {
  private static List<String> warnings(String definition) {
    assertThat(Validator.validate(definition)).as("the definition itself is valid").isEmpty();
    return Validator.warnings(definition).stream().map(Problem::toString).toList();
  }

  private static String jsonata(String states) {
    return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {" + states + "}}";
  }

  @Test
  void aJsonataReadOfAVariableNothingAssignsIsAWarningNamingWhere() {
    List<String> w = warnings(jsonata("\"A\": {\"Type\": \"Pass\", \"Output\": {\"r\": \"{% $doesNotExist %}\"}, \"End\": true}"));
    assertThat(w).singleElement().satisfies(s -> assertThat(s)
        .startsWith("/States/A/Output/r: reads $doesNotExist, which no state this one can see assigns"));
  }

  @Test
  void functionsLocalBindingsStatesAndStringContentsAreNotVariables() {
    assertThat(warnings(jsonata("""
        "A": {"Type": "Pass", "Assign": {"total": 3}, "Next": "B"},
        "B": {"Type": "Pass", "Output": {
          "a": "{% $count($states.input.xs) + $total %}",
          "b": "{% ($y := 2; $y * $total) %}",
          "c": "{% $map([1,2], function($v, $i) { $v + $i }) %}",
          "d": "{% '$notAVariable' & \\"$norThis\\" /* $orThis */ %}",
          "e": "{% $uuid() & $string($random()) & $partition([1,2], 1)[0][0] %}",
          "f": "{% $map([1], $string) %}"}, "End": true}""")))
        .isEmpty();
  }

  @Test
  void jsonPathReadsInPathsTemplatesAndIntrinsicArguments() {
    List<String> w = warnings("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"known.$": "$.x"}, "Next": "B"},
          "B": {"Type": "Pass", "Parameters": {
              "k.$": "$known", "u.$": "$unknown.field", "f.$": "States.Format('{} $notAVar', $alsoUnknown)", "p.$": "$.path"},
            "OutputPath": "$known", "Next": "C"},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$missing", "IsPresent": true, "Next": "D"}], "Default": "D"},
          "D": {"Type": "Succeed"}}}""");
    assertThat(w).containsExactly(
        "/States/B/Parameters/u.$: reads $unknown, which no state this one can see assigns (AWS accepts the definition;"
            + " when this runs the variable is undefined)",
        "/States/B/Parameters/f.$: reads $alsoUnknown, which no state this one can see assigns (AWS accepts the definition;"
            + " when this runs the variable is undefined)",
        "/States/C/Choices/0/Variable: reads $missing, which no state this one can see assigns (AWS accepts the definition;"
            + " when this runs the variable is undefined)");
  }

  @Test
  void branchesSeeOuterVariablesButNotTheOtherWayAndDistributedChildrenSeeNone() {
    List<String> w = warnings(jsonata("""
        "A": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "P"},
        "P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {
            "B": {"Type": "Pass", "Assign": {"inner": "{% $outer %}"}, "End": true}}}], "Next": "M"},
        "M": {"Type": "Map", "Items": [1], "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "C", "States": {"C": {"Type": "Pass", "Output": "{% $outer %}", "End": true}}}, "Next": "Z"},
        "Z": {"Type": "Pass", "Output": "{% $inner %}", "End": true}"""));
    assertThat(w).hasSize(2);
    assertThat(w.get(0)).startsWith("/States/M/ItemProcessor/States/C/Output: reads $outer");
    assertThat(w.get(1)).startsWith("/States/Z/Output: reads $inner");
  }

  @Test
  void anInnerScopeAssigningAnOuterNameIsAWarningButSiblingsMayShareNames() {
    List<String> w = warnings(jsonata("""
        "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "P"},
        "P": {"Type": "Parallel", "Branches": [
            {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "Assign": {"x": 2, "local": 1}, "End": true}}},
            {"StartAt": "B2", "States": {"B2": {"Type": "Pass", "Assign": {"local": 2}, "End": true}}}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err": "{% $states.errorOutput %}"}, "Next": "Z"}],
          "Next": "Z"},
        "Z": {"Type": "Pass", "End": true}"""));
    assertThat(w).singleElement().satisfies(s -> assertThat(s)
        .startsWith("/States/P/Branches/0/States/B1/Assign/x: assigns $x, which an enclosing scope also assigns (at /States/A/Assign/x)"));
  }

  @Test
  void variableNamesThatAreNotIdentifiersOrTooLongOrReservedAreWarnings() {
    String longName = "v".repeat(81);
    List<String> w = warnings(jsonata("\"A\": {\"Type\": \"Pass\", \"Assign\": {\"top-level\": 1, \"a.b\": 2, \""
        + longName + "\": 3, \"states\": 4, \"ok_name\": 5, \"_x1\": 6, \"caf\u00e9\": 7, \"1st\": 8}, \"End\": true}"));
    assertThat(w).hasSize(5);
    assertThat(w.get(0)).startsWith("/States/A/Assign/top-level: the variable name 'top-level' is not an identifier");
    assertThat(w.get(1)).startsWith("/States/A/Assign/a.b: the variable name 'a.b' is not an identifier");
    assertThat(w.get(2)).contains("is longer than the 80 characters AWS allows");
    assertThat(w.get(3)).contains("'states' is reserved");
    assertThat(w.get(4)).startsWith("/States/A/Assign/1st: the variable name '1st' is not an identifier");
  }

  @Test
  void malformedTextHasNoWarnings() {
    assertThat(Validator.warnings("{\"StartAt\": ")).isEmpty();
  }

  @Test
  void variableReferencesNameEachStatesReadsInOrderNestedStatesUnderTheirOwnNames() throws Exception {
    var refs = VariableReferences.of(io.stepwise.asl.json.Json.parse("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"a": 1, "b": 2}, "Next": "P"},
          "P": {"Type": "Parallel", "Parameters": {"x.$": "$b", "y.$": "States.Format('{}', $a)", "z.$": "$b"},
            "Branches": [{"StartAt": "In", "States": {"In": {"Type": "Pass", "OutputPath": "$a", "End": true}}}],
            "Next": "C"},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$a", "NumericEquals": 1, "Next": "J"}], "Default": "J"},
          "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $b & $states.input %}", "ResultPath": "$a", "End": true}}}"""));
    assertThat(refs).containsExactly(
        java.util.Map.entry("P", List.of("b", "a")),
        java.util.Map.entry("In", List.of("a")),
        java.util.Map.entry("C", List.of("a")),
        java.util.Map.entry("J", List.of("b")));
  }
}
