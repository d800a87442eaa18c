package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** JSONPath-mode paths, reference paths, payload templates and intrinsic calls. */
class PathsAndTemplatesTest {
  private static String pass(String fields) {
    return oneState("{\"Type\": \"Pass\", \"End\": true, " + fields + "}");
  }

  @Test
  void inputAndOutputPathsAreJsonPathsOrNull() {
    valid(pass("\"InputPath\": \"$$.Execution.Input\", \"OutputPath\": \"$.items[?(@.price < 10)]\""));
    valid(pass("\"InputPath\": null, \"OutputPath\": \"$answer\""));
    problems(pass("\"InputPath\": \"bug$.x\", \"OutputPath\": 3"),
        "/States/S/InputPath: Invalid JSONPath 'bug$.x': a path must start with '$'",
        "/States/S/OutputPath: must be a string or null");
  }

  @Test
  void resultPathIsAReferencePathIntoTheInput() {
    valid(pass("\"ResultPath\": \"$.a.b[0]\""));
    problems(pass("\"ResultPath\": \"$foo\""), "/States/S/ResultPath: Invalid reference path '$foo': it must start with '$.' or be '$'");
    problems(pass("\"ResultPath\": \"$$.State\""),
        "/States/S/ResultPath: Invalid reference path '$$.State': it must start with '$.' or be '$'");
  }

  @Test
  void aDotBeforeABracketIsAcceptedWhereverPathsAre() {
    valid(pass("\"InputPath\": \"$.Items.[0]\", \"OutputPath\": \"$.[?(@.n > 0)]\", \"ResultPath\": \"$.r.[0]\","
        + " \"Parameters\": {\"a.$\": \"$.[*].['a','b']\", \"b.$\": \"States.ArrayLength($.Items.[0].list)\"}"));
    valid("""
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Default": "E", "Choices": [{"Variable": "$.Items.[0].Id", "NumericEqualsPath": "$.[1]", "Next": "E"}]},
          "E": {"Type": "Succeed"}}}""");
    valid(oneState("{\"Type\": \"Map\", \"End\": true, \"ItemsPath\": \"$.Items.[0].list\", \"ItemProcessor\":"
        + " {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}}"));
  }

  @Test
  void dynamicFieldsHoldPathsOrIntrinsicCalls() {
    valid(pass("\"Parameters\": {\"a.$\": \"$.a\", \"b.$\": \"$$.Map.Item.Index\", \"c.$\": \"$var.x\","
        + " \"d.$\": \"States.Format('{} and {}', $.x, States.MathAdd($.n, 1))\", \"e\": {\"f.$\": \"States.UUID()\"}}"));
    problems(pass("\"Parameters\": {\"nested\": [{\"x.$\": \"ipsum\"}]}"),
        "/States/S/Parameters/nested/0/x.$: 'ipsum' is neither a JSONPath (starting with '$') nor an intrinsic function call");
    // The intrinsic compiler's own wording follows its pointer.
    assertThat(Expect.problems(pass("\"Parameters\": {\"y.$\": \"States.Nope(1)\"}")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith("/States/S/Parameters/y.$: Invalid intrinsic function call 'States.Nope(1)': unknown intrinsic function");
  }

  @Test
  void aFieldMayNotBeGivenBothPlainAndDynamic() {
    problems(pass("\"Parameters\": {\"deep\": {\"k\": 1, \"k.$\": \"$.k\"}}"),
        "/States/S/Parameters/deep: \"k\" and \"k.$\" both give the field \"k\"");
  }

  @Test
  void resultSelectorAndAssignAreObjects() {
    problems(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true,"
            + " \"ResultSelector\": [1], \"Assign\": \"x\"}"),
        "/States/S/ResultSelector: must be an object",
        "/States/S/Assign: must be an object");
    valid(pass("\"Assign\": {\"count.$\": \"States.ArrayLength($.items)\", \"fixed\": {\"a\": 1}}"));
  }

  @Test
  void literalIntrinsicArgumentsMustHaveTheTypesTheFunctionsTake() {
    problems(pass("\"Parameters\": {\"a.$\": \"States.MathAdd(1, '-1')\", \"b.$\": \"States.ArrayLength('abc')\","
            + " \"c.$\": \"States.StringSplit(States.ArrayLength($.a), ',')\", \"d.$\": \"States.Hash($.x, 'SHA-2')\","
            + " \"e.$\": \"States.JsonMerge($.a, $.b, 'no')\"}"),
        "/States/S/Parameters/a.$: argument 2 of States.MathAdd must be a number",
        "/States/S/Parameters/b.$: argument 1 of States.ArrayLength must be an array",
        "/States/S/Parameters/c.$: argument 1 of States.StringSplit must be a string",
        "/States/S/Parameters/d.$: argument 2 of States.Hash must be one of \"MD5\", \"SHA-1\", \"SHA-256\", \"SHA-384\", \"SHA-512\"",
        "/States/S/Parameters/e.$: argument 3 of States.JsonMerge must be a boolean");
    valid(pass("\"Parameters\": {\"a.$\": \"States.MathAdd($.n, -1)\", \"b.$\": \"States.ArrayGetItem(States.Array(1, 'x'), 0)\","
        + " \"c.$\": \"States.Hash($.x, 'SHA-256')\", \"d.$\": \"States.StringSplit('a,b', ',')\","
        + " \"e.$\": \"States.ArrayContains($.a[?(@.k == 'v')], null)\"}"));
  }
}
