package io.stepwise.server.executions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.server.operations.executions.NestedExecutions;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * states:startExecution through the server, with the SDK's SfnClient: a parent starts Standard and
 * Express children, waits for them (.sync, .sync:2) or not, and hears of a child's failure.
 */
class NestedExecutionsApiTest {
  @TempDir Path data;
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  private void open() {
    NestedExecutions nested = new NestedExecutions(data.resolve("nested-executions.json"));
    engine = Engine.builder().region("us-east-1").account("123456789012").handler(nested).build();
    backend = ExecutionBackend.open(data, engine, InstantSource.system());
    api = new TestServer(b -> b.runningExecutions(backend::anyRunning).operations(s -> {
      Executions executions = new Executions(s, backend, new SplittableRandom(1));
      nested.ready(executions);
      return ExecutionOperations.all(executions);
    }));
  }

  @AfterEach
  void close() {
    api.close();
    backend.close();
    engine.close();
  }

  private String create(String name, String definition, StateMachineType type) {
    return api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE).type(type)).stateMachineArn();
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

  @Test
  void aParentWaitsForItsChildrenAndGetsTheirOutputAsDescribeExecutionGivesIt() throws Exception {
    open();
    String slow = create("slow-child", """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Next":"D"},
          "D":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}""", StateMachineType.STANDARD);
    String quick = create("quick-child", """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"got.$":"$.n"},"End":true}}}""", StateMachineType.STANDARD);
    String express = create("express-child", """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"express.$":"$.n"},"End":true}}}""", StateMachineType.EXPRESS);
    String parent = create("parent", """
        {"StartAt":"Sync2","States":{
          "Sync2":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
            "Parameters":{"StateMachineArn":"%s","Input":{"n":21,"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":"$$.Execution.Id"}},
            "ResultSelector":{"out.$":"$.Output","status.$":"$.Status","arn.$":"$.ExecutionArn"},"ResultPath":"$.sync2","Next":"Sync"},
          "Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
            "Parameters":{"StateMachineArn":"%s","Input":{"n":5},"Name":"quick-one"},"ResultPath":"$.sync","Next":"Express"},
          "Express":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
            "Parameters":{"StateMachineArn":"%s","Input":{"n":7}},"ResultSelector":{"out.$":"$.Output"},"ResultPath":"$.express","Next":"Fire"},
          "Fire":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
            "Parameters":{"StateMachineArn":"%s","Input":{"n":1}},"ResultPath":"$.fired","End":true}}}""".formatted(slow, quick, express, quick),
        StateMachineType.STANDARD);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("p1").input("{}")).executionArn();
    DescribeExecutionResponse end = awaitEnd(arn);
    assertThat(end.status()).as(end.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(end.output());
    assertThat(out.path("sync2").path("out")).as(".sync:2 parses the child's output").isEqualTo(Json.parse("{\"doubled\":42}"));
    assertThat(out.path("sync2").path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.path("sync").path("Output").asText()).as(".sync gives it as JSON text").isEqualTo("{\"got\":5}");
    assertThat(out.path("sync").path("Input").asText()).isEqualTo("{\"n\":5}");
    assertThat(out.path("sync").path("ExecutionArn").asText()).isEqualTo(quick.replace(":stateMachine:", ":execution:") + ":quick-one");
    assertThat(out.path("sync").path("StartDate").isIntegralNumber()).isTrue();
    assertThat(out.path("express").path("out")).isEqualTo(Json.parse("{\"express\":7}"));
    assertThat(out.path("fired").path("ExecutionArn").asText()).startsWith(quick.replace(":stateMachine:", ":execution:"));
    // the Standard children are executions of their own; the one given no name got one made from the parent's task
    String child = out.path("sync2").path("arn").asText();
    DescribeExecutionResponse c = api.sfn.describeExecution(b -> b.executionArn(child));
    assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(c.input()).path("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText()).isEqualTo(arn);
    List<HistoryEventType> types = api.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream().map(e -> e.type()).toList();
    assertThat(types.stream().filter(HistoryEventType.TASK_SUBMITTED::equals).count()).as("the two Standard .sync children").isEqualTo(2);
  }

  @Test
  void aChildThatFailsFailsItsParentsTaskWithItsDescriptionAsTheCause() throws Exception {
    open();
    String failing = create("failing-child", """
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"OutOfStock","Cause":"none left"}}}""", StateMachineType.STANDARD);
    String parent = create("parent-f", """
        {"StartAt":"Sync","States":{
          "Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"%s"},
            "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}""".formatted(failing), StateMachineType.STANDARD);
    String missing = create("parent-m", """
        {"StartAt":"Sync","States":{
          "Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
            "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:nowhere"},"End":true}}}""",
        StateMachineType.STANDARD);
    DescribeExecutionResponse end = awaitEnd(api.sfn.startExecution(b -> b.stateMachineArn(parent).name("f1")).executionArn());
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode cause = Json.parse(Json.parse(end.output()).path("err").path("Cause").asText());
    assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.path("Error").asText()).isEqualTo("OutOfStock");
    assertThat(cause.path("Cause").asText()).isEqualTo("none left");
    DescribeExecutionResponse noSuch = awaitEnd(api.sfn.startExecution(b -> b.stateMachineArn(missing).name("m1")).executionArn());
    assertThat(noSuch.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(noSuch.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
    assertThat(noSuch.cause()).contains("nowhere").contains("(Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist");
  }

  @Test
  void aParentWaitingForItsChildWhenTheServerStopsHearsOfItsEndAfterTheRestart() throws Exception {
    open();
    String slow = create("slow-child-r", """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":2,"End":true}}}""", StateMachineType.STANDARD);
    String parent = create("parent-r", """
        {"StartAt":"Sync","States":{"Sync":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"%s","Input":{"k":1}},"ResultSelector":{"s.$":"$.Status"},"End":true}}}""".formatted(slow),
        StateMachineType.STANDARD);
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(parent).name("r1")).executionArn();
    for (int i = 0; i < 100 && api.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
        .noneMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED); i++) {
      Thread.sleep(20);
    }
    close(); // the child still waits in its Wait state
    Thread.sleep(2_500); // it is due while the server is down
    open();
    DescribeExecutionResponse end = awaitEnd(arn);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(end.output())).isEqualTo(Json.parse("{\"s\":\"SUCCEEDED\"}"));
  }
}
