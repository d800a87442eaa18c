package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;

/** DeleteStateMachine as AWS has it: DELETING while its executions run, then gone. */
class DeleteWhileRunningTest {
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

  @Test
  void aStateMachineWithARunningExecutionIsDeletingUntilItEndsAndThenGone() throws Exception {
    String name = TestServer.unique("deleted");
    String sm = api.sfn.createStateMachine(b -> b.name(name).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":2,"End":true}}}""")).stateMachineArn();
    String running = api.sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();

    api.sfn.deleteStateMachine(b -> b.stateMachineArn(sm));
    assertThat(api.sfn.describeStateMachine(b -> b.stateMachineArn(sm)).status()).isEqualTo(StateMachineStatus.DELETING);
    assertThatThrownBy(() -> api.sfn.startExecution(b -> b.stateMachineArn(sm))).isInstanceOf(StateMachineDeletingException.class)
        .hasMessageContaining("State Machine is being deleted");
    api.sfn.deleteStateMachine(b -> b.stateMachineArn(sm)); // again: nothing changes

    // the execution goes on to its end, and then the state machine is deleted
    for (int i = 0; i < 300 && api.sfn.describeExecution(b -> b.executionArn(running)).status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
    }
    assertThat(api.sfn.describeExecution(b -> b.executionArn(running)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    boolean gone = false;
    for (int i = 0; i < 100 && !gone; i++) {
      try {
        api.sfn.describeStateMachine(b -> b.stateMachineArn(sm));
        Thread.sleep(100);
      } catch (StateMachineDoesNotExistException e) {
        gone = true;
      }
    }
    assertThat(gone).as("deleted once its execution ended").isTrue();
    // the ended execution stays describable, and the name is free again
    assertThat(api.sfn.describeExecution(b -> b.executionArn(running)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    api.sfn.createStateMachine(b -> b.name(name).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""));
  }

  @Test
  void aStateMachineWithNoExecutionRunningIsDeletedAtOnce() {
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("idle")).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""")).stateMachineArn();
    api.sfn.startExecution(b -> b.stateMachineArn(sm)); // ends in its first step
    api.sfn.deleteStateMachine(b -> b.stateMachineArn(sm));
    assertThatThrownBy(() -> api.sfn.describeStateMachine(b -> b.stateMachineArn(sm))).isInstanceOf(StateMachineDoesNotExistException.class);
  }
}
