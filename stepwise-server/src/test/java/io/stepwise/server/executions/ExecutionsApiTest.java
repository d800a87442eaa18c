package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/** The execution operations through the AWS SDK for Java v2, on executions stored in a SQLite file. */
class ExecutionsApiTest {
  @TempDir Path data;
  private BackedServer server;
  private TestServer api;
  private ExecutionBackend backend;

  @BeforeEach
  void start() {
    server = new BackedServer(data);
    api = server.api;
    backend = server.backend;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String machine(String name, String definition, StateMachineType type) {
    return api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE).type(type)).stateMachineArn();
  }

  private software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      var d = api.sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() != ExecutionStatus.RUNNING) {
        return d;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " did not end");
  }

  @Test
  void startDescribeHistoryAndListAStandardExecution() throws Exception {
    String sm = machine(TestServer.unique("orders"), """
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Done"},
          "Done":{"Type":"Pass","Result":{"ok":true},"End":true}}}""", StateMachineType.STANDARD);
    var started = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("order-1").input("{\"id\":7}"));
    assertThat(started.executionArn()).isEqualTo(sm.replace(":stateMachine:", ":execution:") + ":order-1");
    assertThat(api.sfn.startExecution(b -> b.stateMachineArn(sm).name("order-1").input("{\"id\":7}")).executionArn())
        .as("idempotent by name and input").isEqualTo(started.executionArn());
    assertThatThrownBy(() -> api.sfn.startExecution(b -> b.stateMachineArn(sm).name("order-1").input("{\"id\":8}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(started.executionArn())).status()).isEqualTo(ExecutionStatus.RUNNING);

    var done = awaitEnd(started.executionArn());
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("{\"ok\":true}");
    assertThat(done.input()).isEqualTo("{\"id\":7}");

    List<HistoryEvent> events = api.sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())).events();
    assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
        HistoryEventType.WAIT_STATE_ENTERED, HistoryEventType.WAIT_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
        HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"id\":7}");
    var page = api.sfn.getExecutionHistory(b -> b.executionArn(started.executionArn()).maxResults(4).reverseOrder(true));
    assertThat(page.events()).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L);
    var rest = api.sfn.getExecutionHistory(b -> b.executionArn(started.executionArn()).maxResults(4).reverseOrder(true)
        .nextToken(page.nextToken()));
    assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(2L, 1L);
    assertThat(rest.nextToken()).isNull();

    assertThat(api.sfn.listExecutions(b -> b.stateMachineArn(sm)).executions())
        .extracting(e -> e.executionArn()).containsExactly(started.executionArn());
    assertThatThrownBy(() -> api.sfn.describeExecution(b -> b.executionArn(sm.replace(":stateMachine:", ":execution:") + ":nope")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }

  @Test
  void stopACallbackAndAWorkerThroughTheApi() throws Exception {
    String activity = api.sfn.createActivity(b -> b.name(TestServer.unique("pack"))).activityArn();
    String sm = machine(TestServer.unique("flow"), """
        {"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"%s","Next":"Ask"},
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""".formatted(activity), StateMachineType.STANDARD);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"box\":1}")).executionArn();

    var task = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer"));
    assertThat(task.input()).isEqualTo("{\"box\":1}");
    api.sfn.sendTaskHeartbeat(b -> b.taskToken(task.taskToken()));
    api.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"packed\":true}"));

    String token = null;
    for (int i = 0; i < 200 && token == null; i++) {
      for (HistoryEvent e : api.sfn.getExecutionHistory(b -> b.executionArn(arn)).events()) {
        if (e.type() == HistoryEventType.TASK_SCHEDULED) {
          token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.taskScheduledEventDetails().parameters())
              .get("MessageBody").asText();
        }
      }
      Thread.sleep(20);
    }
    String t = token;
    assertThatThrownBy(() -> api.sfn.sendTaskSuccess(b -> b.taskToken("not-a-token").output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
    api.sfn.sendTaskSuccess(b -> b.taskToken(t).output("{\"courier\":\"Ada\"}"));
    assertThat(awaitEnd(arn).output()).isEqualTo("{\"courier\":\"Ada\"}");

    String waiting = api.sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
    api.sfn.stopExecution(b -> b.executionArn(waiting).error("Cancelled").cause("customer"));
    var stopped = api.sfn.describeExecution(b -> b.executionArn(waiting));
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.error()).isEqualTo("Cancelled");
  }

  @Test
  void startSyncExecutionRunsAnExpressStateMachineToItsEnd() {
    String sm = machine(TestServer.unique("quick"), """
        {"StartAt":"Add","States":{"Add":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, $.b)"},"End":true}}}""",
        StateMachineType.EXPRESS);
    SfnSync sync = new SfnSync(api);
    var r = sync.client.startSyncExecution(b -> b.stateMachineArn(sm).input("{\"a\":2,\"b\":3}"));
    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"sum\":5}");
    assertThat(r.executionArn()).contains(":express:");
    sync.client.close();
  }

  /** A client that does not put {@code sync-} in front of the host, as a local endpoint needs. */
  private static final class SfnSync {
    final software.amazon.awssdk.services.sfn.SfnClient client;

    SfnSync(TestServer api) {
      client = software.amazon.awssdk.services.sfn.SfnClient.builder()
          .endpointOverride(api.server.endpoint())
          .region(software.amazon.awssdk.regions.Region.US_EAST_1)
          .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
          .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
          .overrideConfiguration(c -> c.putAdvancedOption(
              software.amazon.awssdk.core.client.config.SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
          .build();
    }
  }
}
