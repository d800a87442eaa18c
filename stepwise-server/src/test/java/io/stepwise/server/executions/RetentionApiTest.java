package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.MutableClock;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Retention as a client sees it, on a SQLite store: a closed execution is gone once its time is up; a running one stays. */
class RetentionApiTest {
  private static final String PASS = """
      {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
  private static final String CALLBACK = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private BackedServer server;
  private TestServer api;
  private ExecutionBackend backend;

  @BeforeEach
  void start() {
    server = new BackedServer(data, clock, b -> { });
    api = server.api;
    backend = server.backend;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void closedExecutionsAreGoneAfterTheRetentionAndRunningOnesStay() throws Exception {
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("kept")).definition(PASS).roleArn(TestServer.ROLE))
        .stateMachineArn();
    String waits = api.sfn.createStateMachine(b -> b.name(TestServer.unique("waits")).definition(CALLBACK).roleArn(TestServer.ROLE))
        .stateMachineArn();
    String old = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("old")).executionArn();
    String running = api.sfn.startExecution(b -> b.stateMachineArn(waits).name("running")).executionArn();
    clock.advance(Duration.ofDays(60));
    String recent = api.sfn.startExecution(b -> b.stateMachineArn(sm).name("recent")).executionArn();
    assertThat(api.sfn.describeExecution(b -> b.executionArn(old)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    backend.retain(Duration.ofDays(90), Duration.ofHours(1));
    clock.advance(Duration.ofDays(31)); // old ended 91 days ago, recent 31
    assertThat(backend.retention().purgeNow()).isEqualTo(1);

    assertThatThrownBy(() -> api.sfn.describeExecution(b -> b.executionArn(old))).isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> api.sfn.getExecutionHistory(b -> b.executionArn(old))).isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> api.sfn.describeStateMachineForExecution(b -> b.executionArn(old)))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThat(api.sfn.listExecutions(b -> b.stateMachineArn(sm)).executions()).extracting(ExecutionListItem::executionArn)
        .containsExactly(recent);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(running)).status()).isEqualTo(ExecutionStatus.RUNNING);
    // its name may be used again, as on AWS after the retention
    assertThat(api.sfn.startExecution(b -> b.stateMachineArn(sm).name("old")).executionArn()).isEqualTo(old);
  }

  @Test
  void thePeriodicPurgeDeletesWithoutBeingAsked() throws Exception {
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("periodic")).definition(PASS).roleArn(TestServer.ROLE))
        .stateMachineArn();
    String done = api.sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
    clock.advance(Duration.ofDays(2));
    backend.retain(Duration.ofDays(1), Duration.ofMillis(20));
    boolean gone = false;
    for (int i = 0; i < 250 && !gone; i++) {
      try {
        api.sfn.describeExecution(b -> b.executionArn(done));
        Thread.sleep(20);
      } catch (ExecutionDoesNotExistException e) {
        gone = true;
      }
    }
    assertThat(gone).isTrue();
  }
}
