package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.operations.executions.NestedExecutions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * A startExecution.sync task that ends before its child stops the child, as AWS does with
 * StopExecution: the parent stopped, the task timed out, a Parallel sibling failed; and after a
 * restart when the server died between the parent's step and the child's stop. Through the SDK's
 * SfnClient on a server with a store on disk.
 */
class NestedExecutionStopTest {
  private static final String CHILD = """
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""";

  @TempDir Path data;
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  /** A server on the data directory; without the nested handler, nothing answers or stops a .sync task. */
  private void open(boolean nestedHandler) {
    NestedExecutions nested = new NestedExecutions(data.resolve("nested-executions.json"));
    Engine.Builder b = Engine.builder().region("us-east-1").account("123456789012");
    engine = (nestedHandler ? b.handler(nested) : b).build();
    backend = ExecutionBackend.open(data, engine, InstantSource.system());
    api = new TestServer(s -> s.runningExecutions(backend::anyRunning).operations(services -> {
      Executions executions = new Executions(services, backend, new SplittableRandom(1));
      if (nestedHandler) {
        nested.ready(executions);
      }
      return ExecutionOperations.all(executions);
    }));
  }

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
      backend.close();
      engine.close();
      api = null;
    }
  }

  private String create(String name, String definition) {
    return api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE).type(StateMachineType.STANDARD))
        .stateMachineArn();
  }

  private static String parentOf(String child) {
    return """
        {"StartAt":"Sync","States":{"Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"%s","Name":"the-child"},"End":true}}}""".formatted(child);
  }

  private static String childArn(String childMachine) {
    return childMachine.replace(":stateMachine:", ":execution:") + ":the-child";
  }

  private DescribeExecutionResponse awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      DescribeExecutionResponse d = api.sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() != ExecutionStatus.RUNNING) {
        return d;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(arn + " did not end");
  }

  /** Waits until the parent's task has started its child and handed the task on. */
  private void awaitSubmitted(String parentArn) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (api.sfn.getExecutionHistory(b -> b.executionArn(parentArn)).events().stream()
          .anyMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(parentArn + " never handed its task on");
  }

  private void assertStoppedFor(String childArn, String parentArn) throws Exception {
    DescribeExecutionResponse child = awaitEnd(childArn);
    assertThat(child.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(child.error()).isNull();
    assertThat(child.cause())
        .isEqualTo("The Task state in AWS Step Functions execution [" + parentArn + "] which was managing this resource was aborted");
    HistoryEvent last = api.sfn.getExecutionHistory(b -> b.executionArn(childArn).reverseOrder(true)).events().get(0);
    assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    for (int i = 0; i < 100 && Files.readString(data.resolve("nested-executions.json")).contains(childArn); i++) {
      Thread.sleep(20);
    }
    assertThat(Files.readString(data.resolve("nested-executions.json"))).as("the link goes once the child has ended")
        .doesNotContain(childArn);
  }

  @Test
  void stoppingTheParentStopsTheChildItWaitsFor() throws Exception {
    open(true);
    String child = create("child-s", CHILD);
    String parent = create("parent-s", parentOf(child));
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("s1")).executionArn();
    awaitSubmitted(arn);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(childArn(child))).status()).isEqualTo(ExecutionStatus.RUNNING);
    api.sfn.stopExecution(b -> b.executionArn(arn).error("Halt").cause("by hand"));
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertStoppedFor(childArn(child), arn);
  }

  @Test
  void aTaskThatTimesOutStopsItsChildAndTheParentGoesOnByItsCatch() throws Exception {
    open(true);
    String child = create("child-t", CHILD);
    String parent = create("parent-t", """
        {"StartAt":"Sync","States":{"Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
            "Parameters":{"StateMachineArn":"%s","Name":"the-child"},"TimeoutSeconds":1,
            "Catch":[{"ErrorEquals":["States.Timeout"],"ResultPath":"$.err","Next":"Late"}],"End":true},
          "Late":{"Type":"Pass","End":true}}}""".formatted(child));
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("t1")).executionArn();
    DescribeExecutionResponse end = awaitEnd(arn);
    assertThat(end.status()).as(end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).contains("States.Timeout");
    assertStoppedFor(childArn(child), arn);
  }

  @Test
  void aFailingParallelSiblingStopsTheChildOfTheOtherBranch() throws Exception {
    open(true);
    String child = create("child-p", CHILD);
    String parent = create("parent-p", """
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Sync","States":{"Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
            "Parameters":{"StateMachineArn":"%s","Name":"the-child"},"End":true}}},
          {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Boom"},
            "Boom":{"Type":"Fail","Error":"Sibling","Cause":"went wrong"}}}]}}}""".formatted(child));
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("p1")).executionArn();
    DescribeExecutionResponse end = awaitEnd(arn);
    assertThat(end.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(end.error()).isEqualTo("Sibling");
    assertStoppedFor(childArn(child), arn);
  }

  @Test
  void aChildWhoseParentWasStoppedJustBeforeACrashIsStoppedAfterTheRestart() throws Exception {
    open(true);
    String child = create("child-c", CHILD);
    String parent = create("parent-c", parentOf(child));
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("c1")).executionArn();
    awaitSubmitted(arn);
    close();
    // the parent's stop is stored, and the server dies before its child is stopped: here a server
    // with no nested handler takes the stop, so nothing stops the child
    open(false);
    api.sfn.stopExecution(b -> b.executionArn(arn));
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
    Thread.sleep(200);
    assertThat(api.sfn.describeExecution(b -> b.executionArn(childArn(child))).status()).isEqualTo(ExecutionStatus.RUNNING);
    close();
    open(true);
    assertStoppedFor(childArn(child), arn);
  }
}
