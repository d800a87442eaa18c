package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import io.stepwise.store.memory.InMemoryStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Durable executions on a store, driven by the runtime: tasks, timers, callbacks, activities, stop, and a restart. */
class DurableRuntimeTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:pack";

  private final Store store = new InMemoryStore();
  private final Machines machines = new Machines(sha -> Optional.empty());
  private Engine engine;
  private DurableRuntime runtime;

  private DurableRuntime runtime() {
    engine = Engine.builder().invoker("arn:aws:states:::aws-sdk:shop:price", r -> Json.NODES.numberNode(42)).build();
    runtime = new DurableRuntime(engine, store, machines, InstantSource.system(), 10_000, 500);
    return runtime;
  }

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
      engine.close();
    }
  }

  private static StateMachine machine(String json) {
    return StateMachineParser.parse(json);
  }

  private static RunOptions named(String name) {
    return RunOptions.defaults().withNames("Shop", name);
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

  private TaskRow awaitTask(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      var page = store.tasks(100, null);
      for (TaskRow t : page.items()) {
        if (t.executionArn().equals(arn)) {
          return t;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no task of " + arn);
  }

  @Test
  void aTaskThenAWaitRunToTheEndAndTheStoreHoldsTheWholeHistory() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":1,"End":true}}}""");
    DurableRuntime.Started s = runtime().start(m, named("order-1"), Json.parse("{}"));
    assertThat(store.execution(s.executionArn())).isPresent();
    ExecutionRow end = awaitEnd(s.executionArn());
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("42");
    List<EventType> types = store.history(s.executionArn()).stream().map(HistoryEvent::type).toList();
    assertThat(types).containsExactly(EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.TaskScheduled,
        EventType.TaskStarted, EventType.TaskSucceeded, EventType.TaskStateExited, EventType.WaitStateEntered,
        EventType.WaitStateExited, EventType.ExecutionSucceeded);
    assertThat(runtime.timersSet()).isZero();
  }

  @Test
  void stepListenersAreToldEveryStoredEventInOrderAndOneThatThrowsStopsNothing() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}""");
    List<Long> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    DurableRuntime r = runtime();
    r.onStored((arn, events, redrives) -> {
      throw new IllegalStateException("a broken listener");
    });
    r.onStored((arn, events, redrives) -> events.forEach(e -> told.add(e.id())));
    DurableRuntime.Started s = r.start(m, named("told"), Json.parse("{}"));
    ExecutionRow end = awaitEnd(s.executionArn());
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<Long> stored = store.history(s.executionArn()).stream().map(HistoryEvent::id).toList();
    for (int i = 0; i < 500 && told.size() < stored.size(); i++) {
      Thread.sleep(10); // the last step's listeners run just after its row shows the end
    }
    assertThat(told).containsExactlyElementsOf(stored);
  }

  @Test
  void startingAgainUnderTheSameNameIsIdempotentOnlyForTheSameInput() throws Exception {
    StateMachine m = machine("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":30,\"End\":true}}}");
    DurableRuntime.Started first = runtime().start(m, named("once"), Json.parse("{\"a\":1}"));
    DurableRuntime.Started again = runtime.start(m, named("once"), Json.parse("{\"a\":1}"));
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.existed()).isTrue();
    assertThatThrownBy(() -> runtime.start(m, named("once"), Json.parse("{\"a\":2}")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.EXECUTION_ALREADY_EXISTS));
    long stopped = runtime.stop(first.executionArn(), "Cancelled", "by the test");
    ExecutionRow row = store.execution(first.executionArn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(row.stopDate()).isEqualTo(stopped);
    assertThat(row.error()).isEqualTo("Cancelled");
    assertThatThrownBy(() -> runtime.stop(first.executionArn(), null, null)).isInstanceOf(Refusal.class);
  }

  @Test
  void aCallbackIsAnsweredByItsTokenAndAnUnknownTokenIsRefused() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""");
    DurableRuntime.Started s = runtime().start(m, named("cb"), Json.parse("{}"));
    String token = awaitTask(s.executionArn()).taskToken();
    assertThatThrownBy(() -> runtime.sendSuccess("no-such-token", Json.parse("{}")))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.TASK_DOES_NOT_EXIST));
    runtime.sendSuccess(token, Json.parse("{\"courier\":\"Ada\"}"));
    ExecutionRow end = awaitEnd(s.executionArn());
    assertThat(end.output()).isEqualTo("{\"courier\":\"Ada\"}");
    assertThatThrownBy(() -> runtime.sendSuccess(token, Json.parse("{}"))).isInstanceOf(Refusal.class);
  }

  @Test
  void aWorkerTakesAnActivityTaskWithItsNameAndAnswersIt() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"%s","HeartbeatSeconds":60,"End":true}}}""".formatted(ACTIVITY));
    assertThat(runtime().pollActivity(ACTIVITY, "w0", 50)).as("no task yet").isEmpty();
    DurableRuntime.Started s = runtime.start(m, named("act"), Json.parse("{\"box\":3}"));
    DurableRuntime.ActivityTask task = runtime.pollActivity(ACTIVITY, "packer-1", 5_000).orElseThrow();
    assertThat(task.input()).isEqualTo("{\"box\":3}");
    runtime.heartbeat(task.taskToken());
    runtime.sendSuccess(task.taskToken(), Json.parse("\"packed\""));
    assertThat(awaitEnd(s.executionArn()).output()).isEqualTo("\"packed\"");
    HistoryEvent started = store.history(s.executionArn()).stream().filter(e -> e.type() == EventType.ActivityStarted).findFirst().orElseThrow();
    assertThat(started.details().toString()).contains("packer-1");
  }

  @Test
  void aRuntimeStartedAgainOnTheSameStoreFinishesWhatTheFirstLeftWaiting() throws Exception {
    StateMachine waits = machine("""
        {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Price"},
          "Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}""");
    StateMachine packs = machine("""
        {"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(ACTIVITY));
    List<String> arns = new java.util.ArrayList<>();
    DurableRuntime first = runtime();
    for (int i = 0; i < 20; i++) {
      arns.add(first.start(waits, named("w" + i), Json.parse("{}")).executionArn());
    }
    String packing = first.start(packs, named("p"), Json.parse("{}")).executionArn();
    first.close(); // nothing more of it runs: its timers and queues are gone, as in a crash
    engine.close();

    DurableRuntime second = runtime();
    second.recover();
    for (String arn : arns) {
      assertThat(awaitEnd(arn).status()).as(arn).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
    DurableRuntime.ActivityTask task = second.pollActivity(ACTIVITY, "after-restart", 5_000).orElseThrow();
    second.sendSuccess(task.taskToken(), Json.parse("1"));
    assertThat(awaitEnd(packing).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    for (String arn : arns) {
      List<HistoryEvent> h = store.history(arn);
      assertThat(h.stream().filter(e -> e.type() == EventType.WaitStateExited)).as("each event once").hasSize(1);
      for (int i = 0; i < h.size(); i++) {
        assertThat(h.get(i).id()).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void distributedMapChildrenRunAsStoredExecutionsOfTheirOwn() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}}}}""");
    DurableRuntime.Started s = runtime().start(m, named("map"), Json.parse("[1,2,3]"));
    ExecutionRow end = awaitEnd(s.executionArn());
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("[42,42,42]");
    assertThat(store.childEndings(s.executionArn())).hasSize(3);
    JsonNode ignored = null;
  }

  /**
   * Steps the execution's Start and stores it with its row, carrying out nothing: what a server
   * that died right after the commit leaves.
   */
  private io.stepwise.engine.step.Step storeFirstStep(io.stepwise.engine.run.Stepper stepper, String input, String mapRunArn) {
    io.stepwise.engine.step.Step step = stepper.step(new io.stepwise.engine.step.StepInput.Start());
    String arn = stepper.executionArn();
    assertThat(store.commit(List.of(new io.stepwise.store.NewExecution(stepper.record(), null, null, mapRunArn, null, input,
        step.events().get(0).timestamp(), io.stepwise.store.StepWrite.of(arn, 0, new io.stepwise.engine.step.StepInput.Start(), step)))))
        .allMatch(io.stepwise.store.WriteResult::committed);
    return step;
  }

  private static final String WAITING_CHILDREN = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"MaxConcurrency":2,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Price"},
            "Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}}}}""";

  @Test
  void childrenRunningWhenTheServerDiedTellTheirParentOfTheirEndAfterTheRestart() throws Exception {
    StateMachine m = machine(WAITING_CHILDREN);
    DurableRuntime first = runtime();
    String parent = first.start(m, named("crashed-map"), Json.parse("[1,2,3]")).executionArn();
    for (int i = 0; i < 200 && store.work(10, null).items().size() < 2; i++) {
      Thread.sleep(10);
    }
    Thread.sleep(100); // the two children are stored and wait in their Wait state
    first.close(); // as in a crash: the children's timers and their link to the parent are gone
    engine.close();

    DurableRuntime second = runtime();
    second.recover();
    ExecutionRow end = awaitEnd(parent);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("[42,42,42]");
    assertThat(store.childEndings(parent)).hasSize(3);
    assertThat(store.work(10, null).items()).isEmpty();
  }

  @Test
  void aCrashBetweenAParentsStepAndItsChildrenIsMadeGoodByTheRestart() throws Exception {
    // the parent's first step is stored, and the server died before it created the children; the
    // first child was then created and ended, and the server died again before the parent heard
    StateMachine m = machine("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"MaxConcurrency":2,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""");
    engine = Engine.builder().build();
    machines.register(m);
    io.stepwise.engine.run.Stepper stepper = engine.stepper(m, Json.parse("[1,2,3]"), named("half-done"));
    io.stepwise.engine.step.Step step = storeFirstStep(stepper, "[1,2,3]", null);
    String parent = stepper.executionArn();
    var children = step.commands().stream().filter(c -> c instanceof io.stepwise.engine.step.Command.StartChildExecution)
        .map(c -> (io.stepwise.engine.step.Command.StartChildExecution) c).toList();
    assertThat(children).hasSize(2);
    var child = children.get(0);
    storeFirstStep(engine.stepper(child, System.currentTimeMillis()), Json.write(child.input()), child.mapRunArn());
    String childArn = child.record().executionArn();
    assertThat(store.execution(childArn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    engine.close();

    runtime().recover();
    ExecutionRow end = awaitEnd(parent);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(end.output()).isEqualTo("[1,2,3]");
    assertThat(store.childEndings(parent)).hasSize(3);
    assertThat(store.history(childArn).stream().filter(e -> e.type() == EventType.ExecutionStarted)).as("the ended child ran once").hasSize(1);
  }

  @Test
  void executionsThatWaitLongCostNoMemoryAndFireWhenTheirTimeComes() throws Exception {
    engine = Engine.builder().build();
    runtime = new DurableRuntime(engine, store, machines, InstantSource.system(), 10_000, 500, 300);
    StateMachine hour = machine("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
    StateMachine second = machine("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}""");
    for (int i = 0; i < 50; i++) {
      runtime.start(hour, named("h" + i), Json.parse("{}"));
    }
    String soon = runtime.start(second, named("s"), Json.parse("{}")).executionArn();
    assertThat(runtime.executionsInMemory()).as("waiting executions live in the store").isZero();
    assertThat(runtime.timersSet()).as("timers beyond the horizon are rows only").isZero();
    assertThat(store.timers(1000, null).items()).hasSize(2 * 51); // each its Wait and its one-year duration limit
    assertThat(awaitEnd(soon).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(runtime.timersSet()).isZero();
    assertThat(runtime.executionsInMemory()).isZero();
  }

  @Test
  void aStopAParentGaveItsChildBeforeACrashReachesTheChildAfterTheRestart() throws Exception {
    StateMachine m = machine("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"MaxConcurrency":1,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}}}}""");
    engine = Engine.builder().build();
    machines.register(m);
    io.stepwise.engine.run.Stepper parent = engine.stepper(m, Json.parse("[1,2]"), named("stopped-parent"));
    io.stepwise.engine.step.Step start = storeFirstStep(parent, "[1,2]", null);
    String parentArn = parent.executionArn();
    var child = (io.stepwise.engine.step.Command.StartChildExecution) start.commands().stream()
        .filter(c -> c instanceof io.stepwise.engine.step.Command.StartChildExecution).findFirst().orElseThrow();
    storeFirstStep(engine.stepper(child, System.currentTimeMillis()), "1", child.mapRunArn());
    String childArn = child.record().executionArn();
    // the parent is stopped and its step stored; the server dies before the child hears of it
    var stop = new io.stepwise.engine.step.StepInput.Stop("Halt", "by hand");
    assertThat(store.commit(List.of(io.stepwise.store.StepWrite.of(parentArn, start.events().size(), stop, parent.step(stop)))))
        .allMatch(io.stepwise.store.WriteResult::committed);
    engine.close();

    runtime().recover();
    assertThat(awaitEnd(childArn).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(store.execution(parentArn).orElseThrow().status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(store.work(10, null).items()).isEmpty();
  }
}
