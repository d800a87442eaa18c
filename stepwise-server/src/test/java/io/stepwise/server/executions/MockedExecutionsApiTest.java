package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.server.TestServer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * Step Functions Local's mocked service integrations through the API, with the AWS SDK for Java
 * v2: StartExecution and StartSyncExecution of {@code STATE_MACHINE_ARN#TestCase} run the machine
 * with that test case's mocks; a test case or machine the configuration does not hold is a
 * ValidationException naming it and the file; a Standard execution keeps its test case across a
 * restart of the server.
 */
class MockedExecutionsApiTest {
  /** AWS's documented example (LambdaSQSIntegration), with its retry made quick. */
  private static final String MOCKS = """
      {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{
          "HappyPath":{"LambdaState":"MockedLambdaSuccess","SQSState":"MockedSQSSuccess"},
          "RetryPath":{"LambdaState":"MockedLambdaRetry","SQSState":"MockedSQSSuccess"},
          "HybridPath":{"LambdaState":"MockedLambdaSuccess"}}}},
       "MockedResponses":{
          "MockedLambdaSuccess":{"0":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}},
          "MockedSQSSuccess":{"0":{"Return":{"MD5OfMessageBody":"3bcb6e8e","MessageId":"3bcb6e8e-8b51"}}},
          "MockedLambdaRetry":{
            "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
            "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
            "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}}}}""";
  private static final String DEFINITION = """
      {"StartAt":"LambdaState","States":{
        "LambdaState":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"Payload.$":"$","FunctionName":"HelloWorldFunction"},
          "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":3,"BackoffRate":1}],
          "OutputPath":"$.Payload","Next":"SQSState"},
        "SQSState":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
          "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/myQueue","MessageBody.$":"$"},"End":true}}}""";

  @TempDir Path data;
  private BackedServer server;

  private BackedServer open() {
    server = new BackedServer(data, InstantSource.system(), b -> { },
        e -> e.mocks(MockConfigParser.parse(MOCKS).from("/tests/MockConfigFile.json")));
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String machine(String name, StateMachineType type) {
    return server.api.sfn.createStateMachine(b -> b.name(name).definition(DEFINITION).roleArn(TestServer.ROLE).type(type)).stateMachineArn();
  }

  private DescribeExecutionResponse awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 750; i++) {
      var d = server.api.sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() != ExecutionStatus.RUNNING) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " did not end");
  }

  @Test
  void startExecutionOfArnHashTestCaseRunsWithItsMocksAndRecordsWhatEachResourceKindRecords() throws Exception {
    open();
    String sm = machine("LambdaSQSIntegration", StateMachineType.STANDARD);
    var started = server.api.sfn.startExecution(b -> b.stateMachineArn(sm + "#HappyPath").name("happy"));
    assertThat(started.executionArn()).isEqualTo(sm.replace(":stateMachine:", ":execution:") + ":happy");
    DescribeExecutionResponse done = awaitEnd(started.executionArn());
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.stateMachineArn()).isEqualTo(sm);
    assertThat(done.output()).isEqualTo("{\"MD5OfMessageBody\":\"3bcb6e8e\",\"MessageId\":\"3bcb6e8e-8b51\"}");
    List<HistoryEvent> events = server.api.sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())).events();
    List<HistoryEvent> succeeded = events.stream().filter(e -> e.type() == HistoryEventType.TASK_SUCCEEDED).toList();
    assertThat(succeeded).hasSize(2);
    assertThat(succeeded.get(0).taskSucceededEventDetails().resourceType()).isEqualTo("lambda");
    assertThat(succeeded.get(0).taskSucceededEventDetails().resource()).isEqualTo("invoke");
    assertThat(succeeded.get(0).taskSucceededEventDetails().output())
        .isEqualTo("{\"StatusCode\":200,\"Payload\":{\"StatusCode\":200,\"body\":\"Hello from Lambda!\"}}");
    assertThat(succeeded.get(1).taskSucceededEventDetails().resourceType()).isEqualTo("sqs");
    assertThat(succeeded.get(1).taskSucceededEventDetails().resource()).isEqualTo("sendMessage");
  }

  @Test
  void theRetryPathRetriesThroughItsNumberedResponsesAndTheHybridPathCallsTheRealService() throws Exception {
    open();
    String sm = machine("LambdaSQSIntegration", StateMachineType.STANDARD);
    String retry = server.api.sfn.startExecution(b -> b.stateMachineArn(sm + "#RetryPath").name("retry")).executionArn();
    String hybrid = server.api.sfn.startExecution(b -> b.stateMachineArn(sm + "#HybridPath").name("hybrid")).executionArn();
    assertThat(awaitEnd(retry).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<String> failures = server.api.sfn.getExecutionHistory(b -> b.executionArn(retry)).events().stream()
        .filter(e -> e.type() == HistoryEventType.TASK_FAILED).map(e -> e.taskFailedEventDetails().error()).toList();
    assertThat(failures).containsExactly("Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException");
    // nothing answers SQS in this server: the unmocked state made its real call, which failed
    DescribeExecutionResponse h = awaitEnd(hybrid);
    assertThat(h.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(h.cause()).contains("No handler is registered for the resource 'arn:aws:states:::sqs:sendMessage'");
  }

  @Test
  void startSyncExecutionOfAnExpressMachineRunsWithTheTestCase() {
    open();
    String sm = machine("LambdaSQSIntegration", StateMachineType.EXPRESS);
    try (SfnClient sync = SfnClient.builder()
        .endpointOverride(server.api.server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
            .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)) // StartSyncExecution's sync- prefix
        .build()) {
      var r = sync.startSyncExecution(b -> b.stateMachineArn(sm + "#HappyPath").input("{}"));
      assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
      assertThat(r.output()).contains("\"MessageId\":\"3bcb6e8e-8b51\"");
      assertThat(r.stateMachineArn()).isEqualTo(sm);
      assertThatThrownBy(() -> sync.startSyncExecution(b -> b.stateMachineArn(sm + "#Nope")))
          .isInstanceOf(ValidationException.class).hasMessageContaining("'Nope'");
    }
  }

  @Test
  void aTestCaseOrStateMachineTheFileDoesNotHoldIsAValidationExceptionNamingThem() {
    open();
    String sm = machine("LambdaSQSIntegration", StateMachineType.STANDARD);
    assertThatThrownBy(() -> server.api.sfn.startExecution(b -> b.stateMachineArn(sm + "#SadPath")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("The test case 'SadPath' is not among the TestCases of the state machine 'LambdaSQSIntegration'"
            + " in the mock configuration /tests/MockConfigFile.json");
    String other = server.api.sfn.createStateMachine(b -> b.name("Other").definition(TestServer.PASS).roleArn(TestServer.ROLE))
        .stateMachineArn();
    assertThatThrownBy(() -> server.api.sfn.startExecution(b -> b.stateMachineArn(other + "#HappyPath")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("The state machine 'Other' is not in the mock configuration /tests/MockConfigFile.json");
    assertThat(server.api.sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).isEmpty();
  }

  @Test
  void aStandardExecutionWaitingBeforeItsMockedStateKeepsItsTestCaseAcrossARestart() throws Exception {
    String sm = open().api.sfn.createStateMachine(b -> b.name("LambdaSQSIntegration").roleArn(TestServer.ROLE).definition("""
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"LambdaState"},
          "LambdaState":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}"""))
        .stateMachineArn();
    String arn = server.api.sfn.startExecution(b -> b.stateMachineArn(sm + "#HappyPath").name("waits")).executionArn();
    server.close(); // it waits in Pause: only its rows are left
    server = null;
    open(); // the backend recovers what was stored
    DescribeExecutionResponse done = awaitEnd(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).contains("Hello from Lambda!");
  }
}
