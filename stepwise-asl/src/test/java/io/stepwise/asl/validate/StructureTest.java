package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import org.junit.jupiter.api.Test;

/** The machine and its scopes: top-level fields, state names, transitions, reachability. */
class StructureTest {

  @Test
  void topLevelFieldsHaveTheirTypesAndNoOthersAreAllowed() {
    problems("""
        {"StartAt": "S", "Version": "2.0", "TimeoutSeconds": 0, "QueryLanguage": "SQL", "Comment": 5, "Foo": 1,
         "States": {"S": {"Type": "Succeed"}}}""",
        "/: unknown field \"Foo\"",
        "/Version: must be one of \"1.0\"",
        "/TimeoutSeconds: must be at least 1",
        "/QueryLanguage: must be one of \"JSONPath\", \"JSONata\"",
        "/Comment: must be a string");
  }

  @Test
  void startAtAndStatesAreRequired() {
    problems("{}", "/: \"StartAt\" is required", "/: \"States\" is required");
    problems("{\"StartAt\": \"Nope\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}",
        "/StartAt: \"StartAt\" names no state: \"Nope\"");
  }

  @Test
  void everyTransitionMustNameAStateOfItsScope() {
    problems("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Nope",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Gone"}]},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Lost"}], "Default": "Missing"},
          "E": {"Type": "Succeed"}}}""",
        "/States/T/Next: \"Next\" names no state: \"Nope\"",
        "/States/T/Catch/0/Next: \"Next\" names no state: \"Gone\"",
        "/States/C/Choices/0/Next: \"Next\" names no state: \"Lost\"",
        "/States/C/Default: \"Default\" names no state: \"Missing\"",
        "/States/C: state is unreachable from StartAt",
        "/States/E: state is unreachable from StartAt");
  }

  @Test
  void statesReachedOnlyThroughChoicesAndCatchersAreReachable() {
    valid("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "C",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "A"}], "Default": "B"},
          "A": {"Type": "Succeed"}, "B": {"Type": "Succeed"}, "F": {"Type": "Fail"}}}""");
  }

  @Test
  void aScopeWithoutATerminalStateIsRejectedAndReachabilityIsThenNotJudged() {
    problems("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Pass", "Next": "A"},
          "Orphan": {"Type": "Pass", "Next": "A"}}}""",
        "/States: no terminal state: no state has \"End\": true or is a Succeed or Fail state");
  }

  @Test
  void nextAndEndAreExclusiveAndOneIsRequired() {
    problems("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B", "End": true},
          "B": {"Type": "Pass", "Next": "C"},
          "C": {"Type": "Wait", "Seconds": 1, "End": false},
          "D": {"Type": "Pass"},
          "E": {"Type": "Succeed", "Next": "A"}}}""",
        "/States/A: \"Next\" and \"End\" cannot both be set",
        "/States/C/End: must be true when there is no \"Next\"",
        "/States/D: one of \"Next\" or \"End\" is required",
        "/States/E: \"Next\" is not allowed in a Succeed state",
        "/States/D: state is unreachable from StartAt",
        "/States/E: state is unreachable from StartAt");
  }

  @Test
  void stateNamesAreAtMost80CharactersAndUniqueInTheWholeMachine() {
    String longName = "N".repeat(81);
    problems("{\"StartAt\": \"" + longName + "\", \"States\": {\"" + longName + "\": {\"Type\": \"Succeed\"}}}",
        "/States/" + longName + ": state name is longer than 80 characters");
    problems("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "X",
                "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]},
          "X": {"Type": "Succeed"}}}""",
        "/States/X: state name \"X\" is already used at /States/P/Branches/0/States/X;"
            + " names must be unique in the whole state machine");
  }

  @Test
  void statesInABranchCannotTransitionOutOfIt() {
    problems("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "Out",
                "Branches": [{"StartAt": "In", "States": {"In": {"Type": "Pass", "Next": "Out"}}}]},
          "Out": {"Type": "Succeed"}}}""",
        "/States/P/Branches/0/States/In/Next: \"Next\" names no state: \"Out\"",
        "/States/P/Branches/0/States: no terminal state: no state has \"End\": true or is a Succeed or Fail state");
  }

  @Test
  void everyStateNeedsAKnownType() {
    problems("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Sleep", "Next": "C"}, "C": {"Next": "D"}, "D": 7}}""",
        "/States/B/Type: unknown state type \"Sleep\"",
        "/States/C: \"Type\" is required",
        "/States/D: a state must be an object");
  }

  @Test
  void fieldsOfOtherStateTypesAndUnknownFieldsAreRejected() {
    problems(oneState("{\"Type\": \"Pass\", \"End\": true, \"TimeoutSeconds\": 5, \"Catch\": [], \"Foo\": 1}"),
        "/States/S: \"TimeoutSeconds\" is not allowed in a Pass state",
        "/States/S: \"Catch\" is not allowed in a Pass state",
        "/States/S: unknown field \"Foo\"");
    problems(oneState("{\"Type\": \"Fail\", \"InputPath\": \"$\", \"Assign\": {}}"),
        "/States/S: \"InputPath\" is not allowed in a Fail state",
        "/States/S: \"Assign\" is not allowed in a Fail state");
  }
}
