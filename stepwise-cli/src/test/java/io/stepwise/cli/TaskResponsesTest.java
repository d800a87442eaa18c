package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --task-responses: keys by resource ARN or by Lambda function, for both Lambda resource styles. */
class TaskResponsesTest {
  private static final String FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:pay";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path invoke(String functionName) throws Exception {
    return file("invoke.asl.json", """
        {"StartAt":"Pay","States":{"Pay":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"%s","Payload.$":"$"},"End":true}}}""".formatted(functionName));
  }

  private JsonNode run(Path def, Path responses) throws Exception {
    Cli.Outcome o = Cli.stepwise("run", def.toString(), "--task-responses", responses.toString(), "--input", "{\"amount\":5}", "--json");
    return Json.parse(o.out());
  }

  @Test
  void lambdaInvokeKeyedByFunctionArnWrapsTheValueInLambdasResponse() throws Exception {
    Path responses = file("r.json", "{\"" + FN_ARN + "\": {\"Return\": {\"paid\": true}}}");
    JsonNode r = run(invoke(FN_ARN), responses);
    assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.get("output").get("Payload")).isEqualTo(Json.parse("{\"paid\": true}"));
    assertThat(r.get("output").get("StatusCode").asInt()).isEqualTo(200);
    assertThat(r.get("output").get("ExecutedVersion").asText()).isEqualTo("$LATEST");
  }

  @Test
  void aBareFunctionNameServesBothLambdaResourceStyles() throws Exception {
    Path responses = file("r.json", "{\"pay\": {\"Return\": {\"paid\": true}}}");
    assertThat(run(invoke("pay"), responses).get("output").get("Payload")).isEqualTo(Json.parse("{\"paid\": true}"));
    assertThat(run(invoke(FN_ARN), responses).get("output").get("Payload")).isEqualTo(Json.parse("{\"paid\": true}"));
    Path arnTask = file("arn.asl.json",
        "{\"StartAt\":\"Pay\",\"States\":{\"Pay\":{\"Type\":\"Task\",\"Resource\":\"" + FN_ARN + "\",\"End\":true}}}");
    JsonNode direct = run(arnTask, responses);
    assertThat(direct.get("output")).isEqualTo(Json.parse("{\"paid\": true}")); // a Lambda ARN task gets the result itself
  }

  @Test
  void aFunctionWithNoResponseIsNotFoundAsOnAwsWithOrWithoutAFile() throws Exception {
    Path def = invoke("refund");
    String notFound = "FAILED: Lambda.ResourceNotFoundException: Function not found: "
        + "arn:aws:lambda:us-east-1:123456789012:function:refund:$LATEST (Service: AWSLambda; Status Code: 404;";
    Cli.Outcome none = Cli.stepwise("run", def.toString());
    assertThat(none.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(none.err()).startsWith(notFound);
    Cli.Outcome other = Cli.stepwise("run", def.toString(), "--task-responses", file("r.json", "{\"pay\": {\"Return\": 1}}").toString());
    assertThat(other.err()).startsWith(notFound);
  }

  @Test
  void aListScriptsRetriesAndAThrowNamesTheFunctionsError() throws Exception {
    Path def = file("retry.asl.json", """
        {"StartAt":"Pay","States":{"Pay":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"pay","Payload.$":"$"},"OutputPath":"$.Payload",
          "Retry":[{"ErrorEquals":["Payment.Busy"],"IntervalSeconds":1,"MaxAttempts":2}],"End":true}}}""");
    Path responses = file("r.json", """
        {"pay": [{"Throw": {"Error": "Payment.Busy", "Cause": "try again"}}, {"Return": {"paid": true}}]}""");
    Cli.Outcome o = Cli.stepwise("run", def.toString(), "--task-responses", responses.toString(), "--fast-time");
    assertThat(o.exit()).isZero();
    assertThat(Json.parse(o.out())).isEqualTo(Json.parse("{\"paid\": true}"));
    Path always = file("fail.json", "{\"pay\": {\"Throw\": {\"Error\": \"Payment.Declined\", \"Cause\": \"card\"}}}");
    Cli.Outcome declined = Cli.stepwise("run", def.toString(), "--task-responses", always.toString());
    assertThat(declined.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(declined.err().strip()).isEqualTo("FAILED: Payment.Declined: card");
  }

  @Test
  void aCallbackTaskGetsTheCannedAnswerAsWhatTheCallbackSends() throws Exception {
    Path def = file("cb.asl.json", """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""");
    Path responses = file("r.json", "{\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\": {\"Return\": {\"courier\": \"Ada\"}}}");
    assertThat(run(def, responses).get("output")).isEqualTo(Json.parse("{\"courier\": \"Ada\"}"));
    Cli.Outcome unanswered = Cli.stepwise("run", def.toString());
    assertThat(unanswered.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(unanswered.err()).startsWith("RUNNING: A callback that nothing will send: the state 'Ask'")
        .contains("Give one in --task-responses.");
  }

  @Test
  void aMalformedFileIsRefusedWhenReadWithThePointerOfTheProblem() throws Exception {
    Path def = invoke("pay");
    Cli.Outcome empty = Cli.stepwise("run", def.toString(), "--task-responses", file("e.json", "{\"pay\": []}").toString());
    assertThat(empty.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err().strip()).isEqualTo(dir.resolve("e.json") + ": /pay: the list of responses is empty; give at least one");
    Cli.Outcome noReturn = Cli.stepwise("run", def.toString(), "--task-responses",
        file("n.json", "{\"a/b\": [{\"Return\": 1}, {\"Result\": 2}]}").toString());
    assertThat(noReturn.err().strip()).isEqualTo(dir.resolve("n.json")
        + ": /a~1b/1: a response is {\"Return\": value} or {\"Throw\": {\"Error\": ..., \"Cause\": ...}}");
    Cli.Outcome noError = Cli.stepwise("run", def.toString(), "--task-responses",
        file("t.json", "{\"pay\": {\"Throw\": {\"Cause\": \"x\"}}}").toString());
    assertThat(noError.err().strip()).isEqualTo(dir.resolve("t.json") + ": /pay: \"Throw\" needs an \"Error\" name (a string)");
  }
}
