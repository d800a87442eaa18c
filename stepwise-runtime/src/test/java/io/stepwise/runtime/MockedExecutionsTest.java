package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Standard execution started with a test case, durable on SQLite: it waits, the runtime and the
 * store go away (as in a crash), and after the restart its mocked task and its mocked activity are
 * still answered by their mocks, calls numbered on from the history, while an execution with no
 * test case calls the real task and waits for a worker. Mocked callback and .sync tasks end at once
 * with their mocks, nothing being registered to answer them.
 */
class MockedExecutionsTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:pack";
  private static final String MOCKS = """
      {"StateMachines":{"Shop":{"TestCases":{"Mocked":{"Price":"Priced","Pack":"Packed","Ask":"Asked","Child":"Ran"}}}},
       "MockedResponses":{
         "Priced":{"0":{"Throw":{"Error":"Shop.Busy","Cause":"try again"}},"1":{"Return":7}},
         "Packed":{"0":{"Return":"packed"}},
         "Asked":{"0":{"Return":"answered"}},
         "Ran":{"0":{"Throw":{"Error":"States.TaskFailed","Cause":"child failed"}}}}}""";
  private static final StateMachine SHOP = StateMachineParser.parse("""
      {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Price"},
        "Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","ResultPath":"$.price",
          "Retry":[{"ErrorEquals":["Shop.Busy"],"IntervalSeconds":1}],"Next":"Pack"},
        "Pack":{"Type":"Task","Resource":"%s","ResultPath":"$.pack","End":true}}}""".formatted(ACTIVITY));

  @TempDir Path dir;
  private final Machines machines = new Machines(sha -> Optional.empty());
  private SqliteStore store;
  private Engine engine;
  private DurableRuntime runtime;

  private DurableRuntime runtime() {
    store = SqliteStore.open(dir.resolve("stepwise.db"));
    engine = Engine.builder().mocks(MockConfigParser.parse(MOCKS)).invoker("arn:aws:states:::aws-sdk:shop:price", r -> Json.NODES.numberNode(42))
        .build();
    runtime = new DurableRuntime(engine, store, machines, InstantSource.system(), 10_000, 500);
    return runtime;
  }

  private void crash() {
    runtime.close();
    engine.close();
    store.close();
    runtime = null;
  }

  @AfterEach
  void close() {
    if (runtime != null) {
      crash();
    }
  }

  private ExecutionRow awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      ExecutionRow row = store.execution(arn).orElseThrow();
      if (row.status() != ExecutionStatus.RUNNING) {
        return row;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " did not end: " + store.execution(arn));
  }

  @Test
  void mockedCallbackAndSyncTasksEndAtOnceWithTheirMocksWithNothingToAnswerThem() throws Exception {
    StateMachine m = StateMachineParser.parse("""
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"ResultPath":"$.ask","Next":"Child"},
          "Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"x"},
            "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.child","Next":"Done"}],"End":true},
          "Done":{"Type":"Pass","End":true}}}""");
    String arn = runtime().start(m, RunOptions.defaults().withNames("Shop", "callbacks").withTestCase("Mocked"), Json.parse("{}"))
        .executionArn();
    ExecutionRow end = awaitEnd(arn);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("{\"ask\":\"answered\",\"child\":{\"Error\":\"States.TaskFailed\",\"Cause\":\"child failed\"}}");
    assertThat(store.history(arn).stream().map(HistoryEvent::type)).doesNotContain(EventType.TaskSubmitted);
  }

  @Test
  void aWaitingMockedExecutionSurvivesARestartAndStillUsesItsMocks() throws Exception {
    String mocked = runtime().start(SHOP, RunOptions.defaults().withNames("Shop", "mocked").withTestCase("Mocked"), Json.parse("{}"))
        .executionArn();
    String plain = runtime.start(SHOP, RunOptions.defaults().withNames("Shop", "plain"), Json.parse("{}")).executionArn();
    assertThat(store.execution(mocked).orElseThrow().record().testCase()).isEqualTo("Mocked");
    crash(); // both wait in Pause: nothing of them is in memory but the store's rows

    runtime().recover();
    ExecutionRow end = awaitEnd(mocked);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("{\"price\":7,\"pack\":\"packed\"}");
    List<EventType> types = store.history(mocked).stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(EventType.TaskFailed, EventType.TaskSucceeded,
        EventType.ActivityScheduled, EventType.ActivityStarted, EventType.ActivitySucceeded);

    // the execution with no test case priced for real and waits for a worker, the only one queued
    DurableRuntime.ActivityTask task = runtime.pollActivity(ACTIVITY, "packer", 5_000).orElseThrow();
    assertThat(Json.parse(task.input()).path("price").asInt()).isEqualTo(42);
    runtime.sendSuccess(task.taskToken(), Json.parse("\"by hand\""));
    assertThat(awaitEnd(plain).output()).isEqualTo("{\"price\":42,\"pack\":\"by hand\"}");
    assertThat(runtime.pollActivity(ACTIVITY, "packer", 200)).isEmpty();
  }
}
