package io.stepwise.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static io.stepwise.asl.validate.Expect.oneState;
import static io.stepwise.asl.validate.Expect.problems;
import static io.stepwise.asl.validate.Expect.valid;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Task fields, and the Retry and Catch of Task, Parallel and Map. */
class TaskAndErrorHandlingTest {
  private static String task(String fields) {
    return oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, " + fields + "}");
  }

  @Test
  void resourceIsRequiredAndMustBeAnArnOrAPlaceholder() {
    problems(oneState("{\"Type\": \"Task\", \"End\": true}"), "/States/S: \"Resource\" is required");
    problems(oneState("{\"Type\": \"Task\", \"Resource\": \"${lambdaArn\", \"End\": true}"),
        "/States/S/Resource: must be an ARN (arn:partition:service:region:account:resource) or a ${...} placeholder");
    valid(oneState("{\"Type\": \"Task\", \"Resource\": \"${lambdaArn}\", \"End\": true}"));
    valid(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:F:$LATEST\", \"End\": true}"));
  }

  @Test
  void aServiceIntegrationMustNameAServiceStepFunctionsIntegratesWith() {
    for (String ok : new String[] {"arn:aws:states:::lambda:invoke", "arn:aws:states:::states:startExecution.sync:2",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "arn:aws:states:::batch:submitJob.sync",
        "arn:aws:states:::aws-sdk:s3:listBuckets", "arn:aws-cn:states:::emr-containers:startJobRun.sync",
        "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess.waitForTaskToken", "arn:aws:states:us-east-1:123456789012:activity:a"}) {
      valid(oneState("{\"Type\": \"Task\", \"Resource\": \"" + ok + "\", \"End\": true}"));
    }
    List<String> found = Expect.problems(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lamda:invoke\", \"End\": true}"));
    assertThat(found).singleElement().satisfies(p -> assertThat(p)
        .startsWith("/States/S/Resource: names 'lamda', which is not a Step Functions service integration (the services are apigateway,"));
    problems(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke.syncc\", \"End\": true}"),
        "/States/S/Resource: names the action 'invoke.syncc', which is not an action with an optional .sync, .sync:2"
            + " or .waitForTaskToken suffix");
    problems(oneState("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:listBuckets\", \"End\": true}"),
        "/States/S/Resource: names an AWS SDK integration as aws-sdk:SERVICE:ACTION[.waitForTaskToken], e.g."
            + " arn:aws:states:::aws-sdk:s3:listBuckets; 'listBuckets' is not that");
  }

  @Test
  void timeoutsArePositiveIntegersAndHeartbeatIsBelowTimeout() {
    problems(task("\"TimeoutSeconds\": 0, \"HeartbeatSeconds\": 1.5"),
        "/States/S/TimeoutSeconds: must be at least 1",
        "/States/S/HeartbeatSeconds: must be an integer");
    problems(task("\"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 10"),
        "/States/S/HeartbeatSeconds: must be less than TimeoutSeconds");
    problems(task("\"TimeoutSeconds\": 100000000"), "/States/S/TimeoutSeconds: must be at most 99999999");
  }

  @Test
  void aSecondsFieldAndItsPathAreExclusive() {
    problems(task("\"TimeoutSeconds\": 10, \"TimeoutSecondsPath\": \"$.t\", \"HeartbeatSeconds\": 5, \"HeartbeatSecondsPath\": \"$.h\""),
        "/States/S: \"TimeoutSeconds\" and \"TimeoutSecondsPath\" cannot both be set",
        "/States/S: \"HeartbeatSeconds\" and \"HeartbeatSecondsPath\" cannot both be set");
    problems(task("\"TimeoutSecondsPath\": \"$.items[*]\""),
        "/States/S/TimeoutSecondsPath: must select a single value: no wildcards, filters, slices or deep scans");
    valid(task("\"TimeoutSecondsPath\": \"$timeout\", \"HeartbeatSecondsPath\": \"$$.Execution.Input.h\""));
  }

  @Test
  void credentialsAreAPayloadTemplate() {
    problems(task("\"Credentials\": {\"RoleArn.$\": \"not a path\"}"),
        "/States/S/Credentials/RoleArn.$: 'not a path' is neither a JSONPath (starting with '$') nor an intrinsic function call");
    problems(task("\"Credentials\": \"arn:aws:iam::1:role/R\""), "/States/S/Credentials: must be an object");
  }

  @Test
  void retriersHaveTypedFieldsInRange() {
    problems(task("""
        "Retry": [{"ErrorEquals": [], "IntervalSeconds": 0, "MaxAttempts": -1, "BackoffRate": 0.5,
                   "MaxDelaySeconds": 31622401, "JitterStrategy": "SOME", "Foo": 1}]"""),
        "/States/S/Retry/0: unknown field \"Foo\"",
        "/States/S/Retry/0/ErrorEquals: must be a non-empty array",
        "/States/S/Retry/0/IntervalSeconds: must be at least 1",
        "/States/S/Retry/0/MaxAttempts: must be at least 0",
        "/States/S/Retry/0/BackoffRate: must be at least 1.0",
        "/States/S/Retry/0/MaxDelaySeconds: must be at most 31622400",
        "/States/S/Retry/0/JitterStrategy: must be one of \"FULL\", \"NONE\"");
    problems(task("\"Retry\": [{\"MaxAttempts\": 2}, 3]"),
        "/States/S/Retry/0: \"ErrorEquals\" is required",
        "/States/S/Retry/1: a retrier must be an object");
  }

  @Test
  void statesAllStandsAloneInTheLastRetrierOrCatcher() {
    problems(task("""
        "Retry": [{"ErrorEquals": ["States.ALL", "States.Timeout"]}, {"ErrorEquals": ["Other"]}]"""),
        "/States/S/Retry/0/ErrorEquals: \"States.ALL\" must be the only error name",
        "/States/S/Retry/0: a retrier with \"States.ALL\" must be the last one");
    problems("""
        {"StartAt": "S", "States": {
          "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}, {"ErrorEquals": ["X"], "Next": "F"}]},
          "F": {"Type": "Fail"}}}""",
        "/States/S/Catch/0: a catcher with \"States.ALL\" must be the last one");
  }

  @Test
  void catchersNeedErrorsAndNextAndTakeAReferencePath() {
    problems("""
        {"StartAt": "S", "States": {
          "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Catch": [{"ErrorEquals": ["E"]}, {"Next": "F", "ResultPath": "$.a[*]", "Output": {}, "Retry": 1},
                          {"ErrorEquals": [7], "Next": "F", "ResultPath": null, "Assign": {"v.$": "$.x"}}]},
          "F": {"Type": "Fail"}}}""",
        "/States/S/Catch/0: \"Next\" is required",
        "/States/S/Catch/1: \"Output\" requires QueryLanguage JSONata",
        "/States/S/Catch/1: unknown field \"Retry\"",
        "/States/S/Catch/1: \"ErrorEquals\" is required",
        "/States/S/Catch/1/ResultPath: Invalid reference path '$.a[*]': only field names and array indexes are allowed",
        "/States/S/Catch/2/ErrorEquals/0: must be a non-empty string");
  }
}
