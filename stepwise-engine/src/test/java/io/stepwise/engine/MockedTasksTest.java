package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Executions started with a test case of a mock configuration (Step Functions Local's
 * MockConfigFile): a mocked Task state is answered by its mocked response before any handler, for
 * every kind of resource, with the history events of that kind; calls are numbered per state name
 * across the execution; a Throw fails the task for Retry and Catch; a call no range covers fails
 * the execution with States.Runtime.
 */
class MockedTasksTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:111111111111:activity:review";
  private static final String FUNCTION = "arn:aws:lambda:us-east-1:111111111111:function:hello";

  private static final String MOCKS = """
      {"StateMachines":{"Test":{"TestCases":{
         "Happy":{"Call":"Hello"},
         "Fails":{"Call":"NotReady"},
         "RetryPath":{"Call":"RetryThenHello"},
         "Numbered":{"Call":"Numbered"},
         "Short":{"Call":"OnlyTwo"}}}},
       "MockedResponses":{
         "Hello":{"0":{"Return":{"StatusCode":200,"Payload":{"body":"Hello from Lambda!"}}}},
         "NotReady":{"0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}}},
         "RetryThenHello":{
           "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"not ready"}},
           "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"timed out"}},
           "3":{"Return":"third time lucky"}},
         "Numbered":{"0":{"Return":"zero"},"1-2":{"Return":"one or two"},"3":{"Return":"three"}},
         "OnlyTwo":{"0-1":{"Throw":{"Error":"Boom"}}}}}""";

  /** A handler for every resource that counts its calls: a mocked state must never reach it. */
  private static final class Counting implements TaskHandler {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public boolean handles(ResourceArn resource, TaskRequest request) {
      return true;
    }

    @Override
    public JsonNode invoke(ResourceArn resource, TaskRequest request) {
      calls.incrementAndGet();
      return Json.NODES.textNode("real " + request.stateName());
    }

    @Override
    public boolean submits(ResourceArn resource, TaskRequest request) {
      return true; // were it asked, a callback task would be handed on (TaskSubmitted)
    }
  }

  private static String oneTask(String resource, String more) {
    return """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s"%s,"End":true}}}""".formatted(resource, more);
  }

  private static ExecutionResult run(String definition, String testCase, Counting handler) {
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).handler(handler).build()) {
      return engine.run(Fixtures.machine(definition), Json.NODES.objectNode(), Fixtures.options().withTestCase(testCase));
    }
  }

  private static List<EventType> taskEvents(ExecutionResult r) {
    return Fixtures.types(r).stream().filter(t -> !t.name().startsWith("Execution") && !t.name().contains("State")).toList();
  }

  @Test
  void lambdaInvokeIsAnsweredByItsMockAndRecordsTaskEvents() {
    Counting handler = new Counting();
    ExecutionResult r = run(oneTask("arn:aws:states:::lambda:invoke", ",\"Parameters\":{\"FunctionName\":\"hello\"}"), "Happy", handler);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output())).isEqualTo("{\"StatusCode\":200,\"Payload\":{\"body\":\"Hello from Lambda!\"}}");
    assertThat(taskEvents(r)).containsExactly(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded);
    assertThat(r.record().testCase()).isEqualTo("Happy");
    assertThat(handler.calls).hasValue(0);
  }

  @Test
  void aLambdaFunctionArnRecordsLambdaFunctionEvents() {
    Counting handler = new Counting();
    ExecutionResult r = run(oneTask(FUNCTION, ""), "Happy", handler);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(taskEvents(r)).containsExactly(EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted, EventType.LambdaFunctionSucceeded);
    assertThat(handler.calls).hasValue(0);
  }

  @Test
  void optimizedSdkHttpAndSyncResourcesAreMockedWithTaskEvents() {
    for (String resource : List.of("arn:aws:states:::sqs:sendMessage", "arn:aws:states:::aws-sdk:s3:getObject",
        "arn:aws:states:::http:invoke", "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::ecs:runTask.sync")) {
      Counting handler = new Counting();
      ExecutionResult r = run(oneTask(resource, ",\"Parameters\":{}"), "Happy", handler);
      assertThat(r.status()).as(resource).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.output().path("Payload").path("body").asText()).as(resource).isEqualTo("Hello from Lambda!");
      assertThat(taskEvents(r)).as(resource).containsExactly(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded);
      assertThat(handler.calls).as(resource).hasValue(0);
    }
  }

  @Test
  void aMockedWaitForTaskTokenTaskEndsAtOnceWithItsMockInsteadOfWaiting() {
    Counting handler = new Counting();
    ExecutionResult r = run(oneTask("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        ",\"Parameters\":{\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}}"), "Happy", handler);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(taskEvents(r)).containsExactly(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded);
    assertThat(handler.calls).hasValue(0);
  }

  @Test
  void aMockedActivityNeedsNoWorkerAndRecordsActivityEvents() {
    ExecutionResult r;
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).build()) { // nothing registered for the activity
      r = engine.run(Fixtures.machine(oneTask(ACTIVITY, "")), Json.NODES.objectNode(), Fixtures.options().withTestCase("Happy"));
    }
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(taskEvents(r)).containsExactly(EventType.ActivityScheduled, EventType.ActivityStarted, EventType.ActivitySucceeded);
  }

  @Test
  void aStateTheTestCaseDoesNotNameCallsItsHandler() {
    Counting handler = new Counting();
    String two = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"Next":"Other"},
          "Other":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{},"End":true}}}""";
    ExecutionResult r = run(two, "Happy", handler);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().asText()).isEqualTo("real Other");
    assertThat(handler.calls).hasValue(1);
  }

  @Test
  void aThrowFailsTheTaskWithItsErrorAndCauseAndCatchTakesIt() {
    String caught = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},
          "Catch":[{"ErrorEquals":["Lambda.ResourceNotReadyException"],"Next":"Handled"}],"End":true},
          "Handled":{"Type":"Pass","End":true}}}""";
    ExecutionResult r = run(caught, "Fails", new Counting());
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output()))
        .isEqualTo("{\"Error\":\"Lambda.ResourceNotReadyException\",\"Cause\":\"Lambda resource is not ready.\"}");
    EventDetails.TaskFailed failed = (EventDetails.TaskFailed) r.events().stream()
        .filter(e -> e.type() == EventType.TaskFailed).findFirst().orElseThrow().details();
    assertThat(failed.error()).isEqualTo("Lambda.ResourceNotReadyException");
    assertThat(failed.cause()).isEqualTo("Lambda resource is not ready.");

    ExecutionResult uncaught = run(oneTask(FUNCTION, ""), "Fails", new Counting());
    assertThat(uncaught.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(uncaught.error()).isEqualTo("Lambda.ResourceNotReadyException");
    assertThat(uncaught.cause()).isEqualTo("Lambda resource is not ready.");
  }

  @Test
  void retriesTakeTheNextCallsAnswersAsTheDocumentedRetryPathDoes() {
    String retried = oneTask("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,\"BackoffRate\":2}]");
    ExecutionResult r = run(retried, "RetryPath", new Counting());
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().asText()).isEqualTo("third time lucky");
    List<String> errors = r.events().stream().filter(e -> e.type() == EventType.TaskFailed)
        .map(e -> ((EventDetails.TaskFailed) e.details()).error()).toList();
    assertThat(errors).containsExactly("Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException");
  }

  @Test
  void aCallPastTheLastRangeFailsTheExecutionWithStatesRuntimeWhichNoCatchTakes() {
    String retried = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},
          "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":5}],
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handled"}],"End":true},
          "Handled":{"Type":"Pass","End":true}}}""";
    ExecutionResult r = run(retried, "Short", new Counting());
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("'OnlyTwo'", "'Call'", "call 2");
    assertThat(r.events().stream().filter(e -> e.type() == EventType.TaskScheduled)).hasSize(3);
  }

  @Test
  void mapIterationsCountTheirCallsPerStateNameAcrossTheExecution() {
    String map = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,
          "ItemProcessor":{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}},
          "End":true}}}""";
    ExecutionResult r;
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).build()) {
      r = engine.run(Fixtures.machine(map), Json.parse("{\"items\":[1,2,3,4]}"), Fixtures.options().withTestCase("Numbered"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output())).isEqualTo("[\"zero\",\"one or two\",\"one or two\",\"three\"]");
  }

  @Test
  void aMockedStateInsideAParallelBranchCountsItsCallsAndTheOtherBranchCallsItsHandler() {
    // a mocked state in a Map inside a branch counts its iterations; the other branch's unmocked state calls its handler
    String parallel = """
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items",
            "ItemProcessor":{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}},
            "End":true}}},
          {"StartAt":"Real","States":{"Real":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{},"End":true}}}]}}}""";
    Counting handler = new Counting();
    ExecutionResult r;
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).handler(handler).build()) {
      r = engine.run(Fixtures.machine(parallel), Json.parse("{\"items\":[1,2]}"), Fixtures.options().withTestCase("Numbered"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output())).isEqualTo("[[\"zero\",\"one or two\"],\"real Real\"]");
    assertThat(handler.calls).hasValue(1);
  }

  @Test
  void aReplayOfTheHistoryGivesTheSameAnswersWithoutAskingAgain() {
    String retried = oneTask("arn:aws:states:::lambda:invoke",
        ",\"Parameters\":{},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,\"BackoffRate\":2}]");
    MockConfig mocks = MockConfigParser.parse(MOCKS);
    try (Engine engine = Fixtures.engine().mocks(mocks).build()) {
      ExecutionResult first = engine.run(Fixtures.machine(retried), Json.NODES.objectNode(), Fixtures.options().withTestCase("RetryPath"));
      // the history up to the third failure: the resumed execution numbers the calls again from it and asks for call 3
      int cut = 0;
      int failures = 0;
      for (HistoryEvent e : first.events()) {
        cut++;
        if (e.type() == EventType.TaskFailed && ++failures == 3) {
          break;
        }
      }
      ExecutionResult resumed = engine.resume(Fixtures.machine(retried), first.record(), first.events().subList(0, cut));
      assertThat(resumed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(resumed.output().asText()).isEqualTo("third time lucky");
      assertThat(Fixtures.types(resumed)).isEqualTo(Fixtures.types(first));
    }
  }

  @Test
  void aThrowOfALambdaFunctionOrAnActivityRecordsItsKindsFailedEvent() {
    assertThat(taskEvents(run(oneTask(FUNCTION, ""), "Fails", new Counting())))
        .containsExactly(EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted, EventType.LambdaFunctionFailed);
    ExecutionResult activity = run(oneTask(ACTIVITY, ""), "Fails", new Counting());
    assertThat(activity.error()).isEqualTo("Lambda.ResourceNotReadyException");
    assertThat(taskEvents(activity)).containsExactly(EventType.ActivityScheduled, EventType.ActivityStarted, EventType.ActivityFailed);
  }

  @Test
  void distributedMapChildrenRunWithTheParentsTestCaseEachCountingItsOwnCalls() {
    String map = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Orders","ItemsPath":"$.items",
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}},
          "End":true}}}""";
    ExecutionResult r;
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).build()) {
      r = engine.run(Fixtures.machine(map), Json.parse("{\"items\":[1,2,3]}"), Fixtures.options().withTestCase("Numbered"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.write(r.output())).isEqualTo("[\"zero\",\"zero\",\"zero\"]");
    assertThat(r.children()).hasSize(3).allSatisfy(c -> assertThat(c.record().testCase()).isEqualTo("Numbered"));
  }

  @Test
  void aTestCaseTheConfigurationDoesNotHoldIsRefusedAtTheStart() {
    try (Engine engine = Fixtures.engine().mocks(MockConfigParser.parse(MOCKS)).build()) {
      assertThatThrownBy(() -> engine.run(Fixtures.machine(oneTask(FUNCTION, "")), Json.NODES.objectNode(),
          Fixtures.options().withTestCase("Nope")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no test case 'Nope' for the state machine 'Test'");
      assertThatThrownBy(() -> engine.run(Fixtures.machine(oneTask(FUNCTION, "")), Json.NODES.objectNode(),
          Fixtures.options().withNames("Other", "e").withTestCase("Happy")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no state machine 'Other'");
    }
  }
}
