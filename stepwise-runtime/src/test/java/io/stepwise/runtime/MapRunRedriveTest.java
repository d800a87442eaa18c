package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.Restored;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.MapRunRow;
import io.stepwise.store.StepWrite;
import io.stepwise.store.Store;
import io.stepwise.store.WriteResult;
import io.stepwise.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RedriveExecution of an execution whose Distributed Map failed, on a SQLite file: the parent's
 * redrive redrives its Map Run, whose unsuccessful children run again as stored executions (a
 * Standard one redriven, an Express one started again) while those that succeeded are not touched;
 * a restart between the parent's redrive step and its children's redrives makes each redrive once.
 */
class MapRunRedriveTest {
  private static final String WORK = "arn:aws:states:::aws-sdk:t:work";

  @TempDir Path dir;
  private final Machines machines = new Machines(sha -> Optional.empty());
  private Store store;
  private Engine engine;
  private DurableRuntime runtime;
  private final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();

  @AfterEach
  void close() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      ((AutoCloseable) store).close();
    }
  }

  /** A runtime on the SQLite file; item 1 fails its Task's first call. */
  private DurableRuntime runtime() {
    store = SqliteStore.open(dir.resolve("stepwise.db"));
    engine = Engine.builder().invoker(WORK, req -> {
      int item = req.input().get("item").asInt();
      if (calls.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet() == 1 && item == 1) {
        throw new TaskFailure("Work.Flaky", "item " + item + " fails its first try");
      }
      return Json.NODES.objectNode().put("item", item);
    }).build();
    runtime = new DurableRuntime(engine, store, machines, InstantSource.system(), 10_000, 500);
    return runtime;
  }

  /** As after a crash: nothing of the runtime goes on, and the file is opened again by the next. */
  private void crash() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    engine.close();
    ((AutoCloseable) store).close();
    runtime = null;
    engine = null;
    store = null;
  }

  private static StateMachine machine(String executionType, int maxConcurrency, String processor) {
    return StateMachineParser.parse("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Jobs","MaxConcurrency":%d,"ItemSelector":{"item.$":"$$.Map.Item.Value"},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},%s},"End":true}}}"""
        .formatted(maxConcurrency, executionType, processor));
  }

  private static final String TASK = """
      "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","End":true}}""".formatted(WORK);

  /** An odd item's Choice matches nothing until the child is redriven; every item then waits a little and passes. */
  private static final String GATE = """
      "StartAt":"Gate","States":{"Gate":{"Type":"Choice","Choices":[{"Or":[
        {"Variable":"$.item","NumericEquals":0},{"Variable":"$.item","NumericEquals":2},
        {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Ok"}]},
        "Ok":{"Type":"Pass","End":true}}""";

  private ExecutionRow awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      ExecutionRow row = store.execution(arn).orElseThrow();
      if (row.status() != ExecutionStatus.RUNNING) {
        return row;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(arn + " did not end: " + store.execution(arn));
  }

  private List<ExecutionSummary> children(String mapRunArn) {
    return store.executions(ExecutionQuery.of(ExecutionQuery.Scope.MAP_RUN, mapRunArn).withExpress(true).withLimit(100)).items();
  }

  private String mapRunArn(String parent) {
    return store.history(parent).stream().filter(e -> e.details() instanceof EventDetails.MapRunStarted)
        .map(e -> ((EventDetails.MapRunStarted) e.details()).mapRunArn()).findFirst().orElseThrow();
  }

  private static long redrives(List<HistoryEvent> history) {
    return history.stream().filter(e -> e.type() == EventType.ExecutionRedriven).count();
  }

  @Test
  void theParentsRedriveRedrivesItsUnsuccessfulChildrenAndLeavesThoseThatSucceeded() throws Exception {
    StateMachine m = machine("STANDARD", 3, TASK);
    String parent = runtime().start(m, RunOptions.defaults().withNames("Batch", "b1"), Json.parse("[0,1,2,3,4,5]")).executionArn();
    ExecutionRow failed = awaitEnd(parent);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String run = mapRunArn(parent);
    for (ExecutionSummary c : children(run)) {
      awaitEnd(c.executionArn()); // the ones stopped with the run end ABORTED
    }
    Map<String, ExecutionStatus> before = new java.util.HashMap<>();
    children(run).forEach(c -> before.put(c.executionArn(), c.status()));

    long redriveDate = runtime.redrive(parent, null);
    ExecutionRow done = awaitEnd(parent);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("[{\"item\":0},{\"item\":1},{\"item\":2},{\"item\":3},{\"item\":4},{\"item\":5}]");
    assertThat(done.redriveCount()).isEqualTo(1);
    assertThat(done.redriveDate()).isEqualTo(redriveDate);

    List<HistoryEvent> history = store.history(parent);
    int redriven = history.stream().map(HistoryEvent::type).toList().indexOf(EventType.ExecutionRedriven);
    assertThat(history.get(redriven + 1).details()).isEqualTo(new EventDetails.MapRunRedriven(run, 1));
    assertThat(history.subList(redriven, history.size())).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven,
        EventType.MapRunRedriven, EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited,
        EventType.ExecutionSucceeded);

    List<ExecutionSummary> after = children(run);
    assertThat(after).hasSize(6).allSatisfy(c -> assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    for (ExecutionSummary c : after) {
      ExecutionStatus first = before.get(c.executionArn());
      long times = redrives(store.history(c.executionArn()));
      if (first == null) {
        assertThat(times).as("%s never started before the redrive: a first start", c.executionArn()).isZero();
      } else if (first == ExecutionStatus.SUCCEEDED) {
        assertThat(times).as("%s succeeded: not run again", c.executionArn()).isZero();
        assertThat(c.redriveCount()).isZero();
      } else {
        assertThat(times).as("%s (%s) is redriven once, under its ARN", c.executionArn(), first).isEqualTo(1);
        assertThat(c.redriveCount()).isEqualTo(1);
      }
    }
    assertThat(calls.get(1).get()).as("the failed item is called again, once").isEqualTo(2);

    MapRunRow row = store.mapRun(run, System.currentTimeMillis()).orElseThrow();
    assertThat(row.run().status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(row.run().redriveCount()).isEqualTo(1);
    assertThat(row.run().redriveDate()).isBetween(redriveDate, done.stopDate());
    assertThat(row.executions().succeeded()).isEqualTo(6);
    assertThat(row.executions().pendingRedrive()).isZero();
    assertThat(row.executions().resultsWritten()).isEqualTo(6);

    // replay from the file reproduces the redriven run: nothing is outstanding but its end
    Restored replayed = engine.restore(m, done.record(), store.history(parent), store.childEndings(parent));
    assertThat(replayed.stepper().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(replayed.outstanding().commands()).containsExactly(new Command.Finish(ExecutionStatus.SUCCEEDED));
    assertThat(replayed.outstanding().events()).isEmpty();
  }

  @Test
  void expressChildrenThatFailedStartAgainFromTheirFirstState() throws Exception {
    StateMachine m = machine("EXPRESS", 0, GATE);
    String parent = runtime().start(m, RunOptions.defaults().withNames("Batch", "x1"), Json.parse("[0,1,2,3]")).executionArn();
    assertThat(awaitEnd(parent).status()).isEqualTo(ExecutionStatus.FAILED);
    String run = mapRunArn(parent);
    for (ExecutionSummary c : children(run)) {
      awaitEnd(c.executionArn());
    }
    runtime.redrive(parent, null);
    assertThat(awaitEnd(parent).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    for (ExecutionSummary c : children(run)) {
      assertThat(c.type()).isEqualTo(ExecutionType.EXPRESS);
      assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      List<HistoryEvent> h = store.history(c.executionArn());
      if (redrives(h) > 0) {
        List<EventType> again = h.subList(h.stream().map(HistoryEvent::type).toList().indexOf(EventType.ExecutionRedriven), h.size())
            .stream().map(HistoryEvent::type).toList();
        assertThat(again).as("from its first state").startsWith(EventType.ExecutionRedriven, EventType.ChoiceStateEntered);
      }
    }
    assertThat(children(run).stream().filter(c -> c.redriveCount() == 1)).as("the odd items").hasSize(2);
  }

  @Test
  void aRestartBetweenTheParentsRedriveAndItsChildrensRedrivesRedrivesEachChildOnce() throws Exception {
    StateMachine m = machine("STANDARD", 4, GATE);
    String parent = runtime().start(m, RunOptions.defaults().withNames("Batch", "c1"), Json.parse("[0,1,2,3]")).executionArn();
    assertThat(awaitEnd(parent).status()).isEqualTo(ExecutionStatus.FAILED);
    String run = mapRunArn(parent);
    for (ExecutionSummary c : children(run)) {
      awaitEnd(c.executionArn());
    }
    crash();

    // the redrive step is stored, and one child redriven, before the server dies again
    store = SqliteStore.open(dir.resolve("stepwise.db"));
    engine = Engine.builder().build();
    ExecutionRow row = store.execution(parent).orElseThrow();
    Restored restored = engine.restore(m, row.record(), store.history(parent), store.childEndings(parent));
    Step redrive = restored.stepper().step(new StepInput.Redrive());
    assertThat(store.commit(List.of(StepWrite.of(parent, row.events(), new StepInput.Redrive(), redrive)))).allMatch(WriteResult::committed);
    List<Command.StartChildExecution> again = redrive.commands().stream().filter(c -> c instanceof Command.StartChildExecution)
        .map(Command.StartChildExecution.class::cast).filter(Command.StartChildExecution::again).toList();
    Command.StartChildExecution failedChild = again.stream()
        .filter(c -> store.execution(c.record().executionArn()).orElseThrow().status() == ExecutionStatus.FAILED).findFirst().orElseThrow();
    String early = failedChild.record().executionArn();
    ExecutionRow earlyRow = store.execution(early).orElseThrow();
    Restored child = engine.restore(failedChild.machine(), earlyRow.record(), store.history(early), List.of());
    Step childRedrive = child.stepper().step(new StepInput.Redrive());
    assertThat(store.commit(List.of(StepWrite.of(early, earlyRow.events(), new StepInput.Redrive(), childRedrive))))
        .allMatch(WriteResult::committed);
    assertThat(store.execution(early).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    crash();

    runtime().recover();
    ExecutionRow done = awaitEnd(parent);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("[{\"item\":0},{\"item\":1},{\"item\":2},{\"item\":3}]");
    for (ExecutionSummary c : children(run)) {
      assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redrives(store.history(c.executionArn()))).as(c.executionArn()).isLessThanOrEqualTo(1);
    }
    assertThat(redrives(store.history(early))).as("the child redriven before the crash is not redriven again").isEqualTo(1);
    assertThat(store.work(10, null).items()).isEmpty();
    assertThat(store.mapRun(run, System.currentTimeMillis()).orElseThrow().run().redriveCount()).isEqualTo(1);
  }

  /** Steps the execution's Start and stores it with its row, carrying out nothing (as a server that died after the commit). */
  private Step storeFirstStep(io.stepwise.engine.run.Stepper stepper, String input, String mapRunArn) {
    Step step = stepper.step(new StepInput.Start());
    String arn = stepper.executionArn();
    assertThat(store.commit(List.of(new io.stepwise.store.NewExecution(stepper.record(), null, null, mapRunArn, null, input,
        step.events().get(0).timestamp(), StepWrite.of(arn, 0, new StepInput.Start(), step))))).allMatch(WriteResult::committed);
    return step;
  }

  @Test
  void aChildStillRunningWhenItsRunIsRedrivenIsRedrivenOnceItsStopHasEndedIt() throws Exception {
    String activity = "arn:aws:states:us-east-1:123456789012:activity:review";
    // item 1 fails until redriven; item 0 waits for a worker
    StateMachine m = machine("STANDARD", 2, """
        "StartAt":"Gate","States":{"Gate":{"Type":"Choice","Choices":[{"Or":[{"Variable":"$.item","NumericEquals":0},
          {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Review"}]},
          "Review":{"Type":"Task","Resource":"%s","End":true}}""".formatted(activity));
    runtime();
    machines.register(m);
    io.stepwise.engine.run.Stepper parent = engine.stepper(m, Json.parse("[0,1]"), RunOptions.defaults().withNames("Batch", "r1"));
    Step start = storeFirstStep(parent, "[0,1]", null);
    List<Command.StartChildExecution> children = start.commands().stream().filter(c -> c instanceof Command.StartChildExecution)
        .map(Command.StartChildExecution.class::cast).toList();
    Command.StartChildExecution waiting = children.get(0);
    Command.StartChildExecution failing = children.get(1);
    storeFirstStep(engine.stepper(waiting, System.currentTimeMillis()), "{\"item\":0}", waiting.mapRunArn());
    storeFirstStep(engine.stepper(failing, System.currentTimeMillis()), "{\"item\":1}", failing.mapRunArn());
    ExecutionRow failed = store.execution(failing.record().executionArn()).orElseThrow();
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    // the parent hears of item 1 and fails; its stop of item 0 is stored, not yet delivered
    StepInput.ChildExecutionEnded end = new StepInput.ChildExecutionEnded(failed.executionArn(), ExecutionStatus.FAILED, null,
        failed.error(), failed.cause());
    assertThat(store.commit(List.of(StepWrite.of(parent.executionArn(), start.events().size(), end, parent.step(end)))))
        .allMatch(WriteResult::committed);
    String parentArn = parent.executionArn();
    assertThat(store.execution(parentArn).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILED);
    String item0 = waiting.record().executionArn();
    assertThat(store.execution(item0).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);

    runtime.redrive(parentArn, null); // item 0 still runs: it cannot be redriven yet
    for (int i = 0; i < 500 && store.execution(failed.executionArn()).orElseThrow().redriveCount() == 0; i++) {
      Thread.sleep(10); // the children's redrives are under way
    }
    runtime.recover(); // now its stop reaches it: it ends ABORTED, and its run asks for its redrive again
    for (int i = 0; i < 2; i++) { // both items wait for a reviewer now
      DurableRuntime.ActivityTask review = runtime.pollActivity(activity, "reviewer", 10_000).orElseThrow();
      runtime.sendSuccess(review.taskToken(), Json.parse(review.input()));
    }
    assertThat(store.execution(item0).orElseThrow().redriveCount()).isEqualTo(1);

    ExecutionRow done = awaitEnd(parentArn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("[{\"item\":0},{\"item\":1}]");
    List<EventType> item0History = store.history(item0).stream().map(HistoryEvent::type).toList();
    assertThat(item0History).containsSubsequence(EventType.ActivityScheduled, EventType.ExecutionAborted, EventType.ExecutionRedriven,
        EventType.ActivityScheduled, EventType.ActivitySucceeded, EventType.ExecutionSucceeded);
    assertThat(redrives(store.history(item0))).isEqualTo(1);
  }
}
