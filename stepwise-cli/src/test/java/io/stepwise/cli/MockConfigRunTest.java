package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stepwise run --mock-config FILE --test-case NAME}: Step Functions Local's mocks in one execution, and a bad file refused at start. */
class MockConfigRunTest {
  @TempDir Path dir;

  private static final String DEFINITION = """
      {"StartAt":"LambdaState","States":{
        "LambdaState":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"Payload.$":"$","FunctionName":"HelloWorldFunction"},
          "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2}],"Next":"SQSState"},
        "SQSState":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
          "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/myQueue","MessageBody.$":"$"},"End":true}}}""";
  private static final String MOCKS = """
      {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{
          "HappyPath":{"LambdaState":"MockedLambdaSuccess","SQSState":"MockedSQSSuccess"},
          "RetryPath":{"LambdaState":"MockedLambdaRetry","SQSState":"MockedSQSSuccess"}}}},
       "MockedResponses":{
          "MockedLambdaSuccess":{"0":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}},
          "MockedSQSSuccess":{"0":{"Return":{"MD5OfMessageBody":"3bcb6e8e","MessageId":"3bcb6e8e-8b51"}}},
          "MockedLambdaRetry":{
            "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
            "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
            "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}}}}""";

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aTestCaseRunsTheMachineOnItsMocksWithTheHistoryOfEachResourceKind() throws Exception {
    Path def = file("LambdaSQSIntegration.asl.json", DEFINITION);
    Path mocks = file("MockConfigFile.json", MOCKS);
    Cli.Outcome o = Cli.stepwise("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "RetryPath", "--fast-time",
        "--history");
    assertThat(o.exit()).as(o.err()).isZero();
    JsonNode r = Json.parse(o.out());
    assertThat(r.get("output")).isEqualTo(Json.parse("{\"MD5OfMessageBody\":\"3bcb6e8e\",\"MessageId\":\"3bcb6e8e-8b51\"}"));
    long failed = 0;
    for (JsonNode e : r.get("events")) {
      if (e.get("type").asText().equals("TaskFailed")) {
        failed++;
      }
    }
    assertThat(failed).isEqualTo(3);
  }

  @Test
  void aTestCaseOrMachineTheFileDoesNotHoldIsAUsageError() throws Exception {
    Path def = file("LambdaSQSIntegration.asl.json", DEFINITION);
    Path mocks = file("MockConfigFile.json", MOCKS);
    Cli.Outcome o = Cli.stepwise("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "SadPath");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("the test case 'SadPath' is not among the TestCases of the state machine 'LambdaSQSIntegration'",
        mocks.toString(), "HappyPath, RetryPath");
    Cli.Outcome other = Cli.stepwise("run", def.toString(), "--name", "Other", "--mock-config", mocks.toString(), "--test-case", "HappyPath");
    assertThat(other.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(other.err()).contains("the state machine 'Other' is not in the mock configuration");
    Cli.Outcome alone = Cli.stepwise("run", def.toString(), "--test-case", "HappyPath");
    assertThat(alone.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(alone.err()).contains("--test-case HappyPath needs --mock-config FILE");
  }

  @Test
  void aMalformedFileIsRefusedWithEveryProblemAtItsPointer() throws Exception {
    Path def = file("LambdaSQSIntegration.asl.json", DEFINITION);
    Path mocks = file("bad.json", """
        {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{"HappyPath":{"LambdaState":"Missing"}}}},
         "MockedResponses":{"MockedLambdaSuccess":{"0-x":{"Return":1},"1":{"Throw":{"Cause":"c"}}}}}""");
    Cli.Outcome o = Cli.stepwise("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "HappyPath");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains(mocks + ": invalid mock configuration (3 problems)",
        "  /MockedResponses/MockedLambdaSuccess/0-x: \"0-x\" is not a call number or range",
        "  /MockedResponses/MockedLambdaSuccess/1/Throw: missing Error",
        "  /StateMachines/LambdaSQSIntegration/TestCases/HappyPath/LambdaState: the mocked response \"Missing\" is not in MockedResponses");
    Cli.Outcome missing = Cli.stepwise("run", def.toString(), "--mock-config", dir.resolve("nope.json").toString(), "--test-case", "X");
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("nope.json cannot be read: no such file");
  }
}
