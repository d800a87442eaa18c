package io.stepwise.asl.validate;

import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import org.junit.jupiter.api.Test;

class WaitFailPassTest {

  @Test
  void aWaitSaysHowLongInExactlyOneWay() {
    problems(oneState("{\"Type\": \"Wait\", \"End\": true}"),
        "/States/S: one of \"Seconds\", \"Timestamp\", \"SecondsPath\" or \"TimestampPath\" is required");
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": 1, \"TimestampPath\": \"$.t\"}"),
        "/States/S: \"Seconds\" and \"TimestampPath\" cannot both be set");
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": 1, \"Timestamp\": \"2016-08-18T17:33:00Z\", \"SecondsPath\": \"$.s\"}"),
        "/States/S: only one of \"Seconds\", \"Timestamp\", \"SecondsPath\" may be set");
  }

  @Test
  void waitValuesHaveTheirTypes() {
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": -1}"), "/States/S/Seconds: must be at least 0");
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"Seconds\": \"10\"}"), "/States/S/Seconds: must be an integer");
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"Timestamp\": \"2016-08-18t17:33:00z\"}"),
        "/States/S/Timestamp: must be an RFC 3339 timestamp such as \"2016-08-18T17:33:00Z\"");
    problems(oneState("{\"Type\": \"Wait\", \"End\": true, \"SecondsPath\": \"$..s\"}"),
        "/States/S/SecondsPath: must select a single value: no wildcards, filters, slices or deep scans");
    valid(oneState("{\"Type\": \"Wait\", \"End\": true, \"TimestampPath\": \"$$.Execution.Input.when\"}"));
  }

  @Test
  void aFailTakesErrorOrErrorPathAndCauseOrCausePath() {
    problems(oneState("{\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\", \"Cause\": \"C\", \"CausePath\": \"$.c\"}"),
        "/States/S: \"Error\" and \"ErrorPath\" cannot both be set",
        "/States/S: \"Cause\" and \"CausePath\" cannot both be set");
    problems(oneState("{\"Type\": \"Fail\", \"Error\": 5, \"CausePath\": \"cause\"}"),
        "/States/S/Error: must be a string",
        "/States/S/CausePath: 'cause' is neither a JSONPath (starting with '$') nor an intrinsic function call");
    valid(oneState("{\"Type\": \"Fail\", \"ErrorPath\": \"$$.State.Name\", \"CausePath\": \"States.Format('at {}', $.where)\"}"));
  }

  @Test
  void aPassTakesAnyResultAndAnyParameters() {
    valid(oneState("{\"Type\": \"Pass\", \"End\": true, \"Result\": [1, {\"a.$\": \"not checked\"}], \"ResultPath\": \"$.r\"}"));
    valid(oneState("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": [\"abc\", {\"x.$\": \"$.x\"}], \"ResultPath\": null}"));
    problems(oneState("{\"Type\": \"Pass\", \"End\": true, \"Parameters\": [{\"x.$\": 5}]}"),
        "/States/S/Parameters/0/x.$: must be a string holding a path or an intrinsic function call");
  }

  @Test
  void aSucceedEndsAndTakesOnlyInputAndOutputPaths() {
    valid(oneState("{\"Type\": \"Succeed\", \"InputPath\": \"$.a\", \"OutputPath\": null, \"Comment\": \"done\"}"));
    problems(oneState("{\"Type\": \"Succeed\", \"ResultPath\": \"$.a\", \"End\": true}"),
        "/States/S: \"ResultPath\" is not allowed in a Succeed state",
        "/States/S: \"End\" is not allowed in a Succeed state");
  }
}
