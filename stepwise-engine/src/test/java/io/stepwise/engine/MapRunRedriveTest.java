package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.task.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A redrive of an execution whose Distributed Map did not succeed redrives its Map Run, as AWS
 * documents: the run keeps its ARN and counts the redrive (MapRunRedriven), its children that did
 * not succeed run again (a Standard one redriven from its own history, an Express one started
 * again) and those that did keep their results, and the Map state's result is assembled as if in
 * one run. A run that succeeded, or failed with States.DataLimitExceeded or States.Runtime, is not
 * redriven: the state runs again with a new Map Run.
 */
class MapRunRedriveTest {
  private static final String WORK = "arn:aws:states:::aws-sdk:t:work";

  private static String machine(String executionType, int maxConcurrency, String extra) {
    return """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Items","MaxConcurrency":%d,%s
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},
            "StartAt":"Note","States":{"Note":{"Type":"Pass","Next":"Work"},
              "Work":{"Type":"Task","Resource":"%s","Parameters":{"item.$":"$","redrives.$":"$$.Execution.RedriveCount"},"End":true}}},
          "Next":"Done"},"Done":{"Type":"Pass","End":true}}}""".formatted(maxConcurrency, extra, executionType, WORK);
  }

  /** The Task's handler: each item in {@code failing} fails its first call, every other call answers its item and call number. */
  private static final class Work {
    final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<Integer> failing;

    Work(Integer... failing) {
      this.failing = List.of(failing);
    }

    io.stepwise.engine.task.TaskInvoker invoker() {
      return req -> {
        int item = req.input().get("item").asInt();
        int n = calls.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
        if (n == 1 && failing.contains(item)) {
          throw new TaskFailure("Work.Flaky", "item " + item + " failed its first try");
        }
        return Json.NODES.objectNode().put("item", item).put("call", n).put("redrives", req.input().get("redrives").asInt());
      };
    }

    int of(int item) {
      AtomicInteger n = calls.get(item);
      return n == null ? 0 : n.get();
    }
  }

  private static JsonNode items(int n) {
    var a = Json.NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(i);
    }
    return a;
  }

  private static List<HistoryEvent> stored(ExecutionResult r) {
    return HistoryReader.read(HistoryJson.toJson(r.events()));
  }

  private static List<HistoryEvent> afterLastRedrive(ExecutionResult r) {
    List<HistoryEvent> all = r.events();
    int at = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).type() == EventType.ExecutionRedriven) {
        at = i;
      }
    }
    return all.subList(at, all.size());
  }

  private static String runArn(List<HistoryEvent> events) {
    return events.stream().filter(e -> e.details() instanceof EventDetails.MapRunStarted).map(e -> ((EventDetails.MapRunStarted) e.details()).mapRunArn())
        .findFirst().orElseThrow();
  }

  private static ExecutionResult child(ExecutionResult parent, int index) {
    ExecutionResult found = null;
    for (ExecutionResult c : parent.children()) {
      JsonNode in = ((EventDetails.ExecutionStarted) c.events().get(0).details()).input();
      if (in.asInt() == index) {
        found = c; // the latest result of the child stands
      }
    }
    return found;
  }

  @Test
  void aRedriveRunsAgainOnlyTheChildrenThatDidNotSucceedAndAssemblesTheResultAsIfInOneRun() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 1, ""));
    Work work = new Work(1, 3);
    try (Engine engine = Fixtures.engine().invoker(WORK, work.invoker()).build()) {
      // one child at a time: item 0 succeeds, item 1 fails the run, items 2 and 3 never start
      ExecutionResult failed = engine.run(m, items(4), Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
      String run = runArn(failed.events());
      assertThat(failed.children()).hasSize(2);

      ExecutionResult once = engine.redrive(m, failed.record(), stored(failed), failed.childEndings(), failed.children());
      assertThat(once.status()).as("item 3 fails its first try in the redrive").isEqualTo(ExecutionStatus.FAILED);
      List<HistoryEvent> first = afterLastRedrive(once);
      assertThat(first).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven, EventType.MapRunRedriven,
          EventType.MapRunFailed, EventType.MapStateFailed, EventType.ExecutionFailed);
      EventDetails.MapRunRedriven redriven = (EventDetails.MapRunRedriven) first.get(1).details();
      assertThat(redriven.mapRunArn()).as("the run keeps its ARN").isEqualTo(run);
      assertThat(redriven.redriveCount()).isEqualTo(1);
      assertThat(first.get(1).previousEventId()).isEqualTo(first.get(0).id());

      List<ExecutionResult> children = new ArrayList<>(failed.children());
      children.addAll(once.children());
      ExecutionResult twice = engine.redrive(m, once.record(), stored(once), once.childEndings(), children);
      assertThat(twice.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(afterLastRedrive(twice)).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven,
          EventType.MapRunRedriven, EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited,
          EventType.PassStateEntered, EventType.PassStateExited, EventType.ExecutionSucceeded);
      assertThat(((EventDetails.MapRunRedriven) afterLastRedrive(twice).get(1).details()).redriveCount()).isEqualTo(2);
      assertThat(twice.output()).isEqualTo(Json.NODES.arrayNode()
          .add(Json.NODES.objectNode().put("item", 0).put("call", 1).put("redrives", 0))
          .add(Json.NODES.objectNode().put("item", 1).put("call", 2).put("redrives", 1))
          .add(Json.NODES.objectNode().put("item", 2).put("call", 1).put("redrives", 0))
          .add(Json.NODES.objectNode().put("item", 3).put("call", 2).put("redrives", 1)));
      assertThat(List.of(work.of(0), work.of(1), work.of(2), work.of(3))).as("no child that succeeded ran again").containsExactly(1, 2, 1, 2);

      // a Standard child is redriven: same ARN, its own ExecutionRedriven, its history going on from the Task
      ExecutionResult item1 = child(once, 1);
      assertThat(item1.executionArn()).isEqualTo(child(failed, 1).executionArn());
      assertThat(item1.events().subList(0, child(failed, 1).events().size())).isEqualTo(child(failed, 1).events());
      List<EventType> item1After = item1.events().subList(child(failed, 1).events().size(), item1.events().size()).stream()
          .map(HistoryEvent::type).toList();
      assertThat(item1After).containsExactly(EventType.ExecutionRedriven, EventType.TaskScheduled, EventType.TaskStarted,
          EventType.TaskSucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);

      ExecutionResult replayed = engine.resume(m, twice.record(), stored(twice), twice.childEndings());
      assertThat(HistoryJson.toJson(replayed.events())).isEqualTo(HistoryJson.toJson(twice.events()));
      assertThat(work.of(3)).as("replay calls nothing").isEqualTo(2);
    }
  }

  @Test
  void anExpressChildStartsAgainFromItsFirstStateUnderTheSameArn() {
    StateMachine m = Fixtures.machine(machine("EXPRESS", 0, ""));
    Work work = new Work(1);
    try (Engine engine = Fixtures.engine().invoker(WORK, work.invoker()).build()) {
      ExecutionResult failed = engine.run(m, items(2), Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      ExecutionResult before = child(failed, 1);
      assertThat(before.status()).isEqualTo(ExecutionStatus.FAILED);

      ExecutionResult redriven = engine.redrive(m, failed.record(), stored(failed), failed.childEndings(), failed.children());
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(redriven.output().get(1)).isEqualTo(Json.NODES.objectNode().put("item", 1).put("call", 2).put("redrives", 1));
      ExecutionResult again = child(redriven, 1);
      assertThat(again.executionArn()).isEqualTo(before.executionArn());
      List<EventType> after = again.events().subList(before.events().size(), again.events().size()).stream().map(HistoryEvent::type).toList();
      assertThat(after).as("from its first state, not from the Task that failed").startsWith(EventType.ExecutionRedriven,
          EventType.PassStateEntered, EventType.PassStateExited, EventType.TaskStateEntered);
      assertThat(work.of(0)).isEqualTo(1);
    }
  }

  private static List<Command.StartChildExecution> started(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.StartChildExecution).map(Command.StartChildExecution.class::cast).toList();
  }

  private static MapRunRecord record(Step s) {
    MapRunRecord last = null;
    for (Command c : s.commands()) {
      if (c instanceof Command.PutMapRun p) {
        last = p.run();
      }
    }
    return last;
  }

  /** The child's end, as its driver answers the start or redrive it was asked for. */
  private static StepInput.ChildExecutionEnded ended(Command.StartChildExecution c, ExecutionStatus status) {
    return status == ExecutionStatus.SUCCEEDED
        ? new StepInput.ChildExecutionEnded(c.record().executionArn(), status, Json.NODES.numberNode(c.index() * 10), null, null,
            c.redriveCount())
        : new StepInput.ChildExecutionEnded(c.record().executionArn(), status, null, "Work.Flaky", "item " + c.index(), c.redriveCount());
  }

  @Test
  void throughTheStepCallTheRedriveAsksForTheUnsuccessfulChildrenWithinMaxConcurrencyAndCountsThoseStillPending() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 1, "\"ToleratedFailureCount\":1,"));
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(m, items(4), Fixtures.options());
      Command.StartChildExecution c0 = started(stepper.step(new StepInput.Start())).get(0);
      Command.StartChildExecution c1 = started(stepper.step(ended(c0, ExecutionStatus.FAILED))).get(0); // tolerated
      Step runFailed = stepper.step(ended(c1, ExecutionStatus.TIMED_OUT)); // the second failure is one too many
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(record(runFailed).status()).isEqualTo(MapRunStatus.FAILED);

      Step redrive = stepper.step(new StepInput.Redrive());
      assertThat(redrive.events()).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven, EventType.MapRunRedriven);
      List<Command.StartChildExecution> again = started(redrive);
      assertThat(again).hasSize(1);
      assertThat(again.get(0).index()).isZero();
      assertThat(again.get(0).again()).isTrue();
      assertThat(again.get(0).redriveCount()).isEqualTo(1);
      assertThat(again.get(0).record()).isEqualTo(c0.record());
      MapRunRecord running = record(redrive);
      assertThat(running.mapRunArn()).isEqualTo(c0.mapRunArn());
      assertThat(running.status()).isEqualTo(MapRunStatus.RUNNING);
      assertThat(running.stopDate()).isNull();
      assertThat(running.redriveCount()).isEqualTo(1);
      assertThat(running.redriveDate()).isEqualTo(redrive.events().get(1).timestamp());
      assertThat(running.pendingRedrive()).as("item 1 waits for a place").isEqualTo(1);
      assertThat(running.pendingRedriveItems()).isEqualTo(1);

      Step item0Again = stepper.step(ended(again.get(0), ExecutionStatus.FAILED)); // tolerated again: failures count afresh
      Command.StartChildExecution c1Again = started(item0Again).get(0);
      assertThat(c1Again.index()).isEqualTo(1);
      assertThat(c1Again.redriveCount()).isEqualTo(1);
      assertThat(record(item0Again).pendingRedrive()).isZero();
      Command.StartChildExecution c2 = started(stepper.step(ended(c1Again, ExecutionStatus.SUCCEEDED))).get(0);
      assertThat(c2.index()).isEqualTo(2);
      assertThat(c2.again()).as("never started before: a first start").isFalse();
      Command.StartChildExecution c3 = started(stepper.step(ended(c2, ExecutionStatus.SUCCEEDED))).get(0);
      Step done = stepper.step(ended(c3, ExecutionStatus.SUCCEEDED));
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      MapRunRecord end = record(done);
      assertThat(end.status()).isEqualTo(MapRunStatus.SUCCEEDED);
      assertThat(end.redriveCount()).isEqualTo(1);
      assertThat(end.childrenWritten()).isEqualTo(4);
      assertThat(done.events()).extracting(HistoryEvent::type).startsWith(EventType.MapRunSucceeded, EventType.MapStateSucceeded,
          EventType.MapStateExited);
    }
  }

  @Test
  void aRunStoppedWithItsExecutionIsRedrivenAndARestoreFindsItsRedrivenChildrenOutstanding() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 2, ""));
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(m, items(3), Fixtures.options());
      Step start = stepper.step(new StepInput.Start());
      List<Command.StartChildExecution> first = started(start);
      Step one = stepper.step(ended(first.get(0), ExecutionStatus.SUCCEEDED));
      Command.StartChildExecution c2 = started(one).get(0);
      Step stop = stepper.step(new StepInput.Stop("Ops.Halt", "by hand"));
      assertThat(stop.commands()).contains(new Command.StopChildExecution(first.get(1).record().executionArn()),
          new Command.StopChildExecution(c2.record().executionArn()));
      assertThat(record(stop).status()).isEqualTo(MapRunStatus.ABORTED);

      Step redrive = stepper.step(new StepInput.Redrive());
      assertThat(redrive.events()).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven, EventType.MapRunRedriven);
      assertThat(started(redrive)).extracting(Command.StartChildExecution::index).containsExactly(1, 2);
      assertThat(started(redrive)).allSatisfy(c -> assertThat(c.redriveCount()).isEqualTo(1));

      List<HistoryEvent> history = new ArrayList<>(start.events());
      history.addAll(one.events());
      history.addAll(stop.events());
      history.addAll(redrive.events());
      Restored restored = engine.restore(m, stepper.record(), HistoryReader.read(HistoryJson.toJson(history)), stepper.childEndings());
      assertThat(restored.outstanding().events()).isEmpty();
      assertThat(restored.outstanding().commands()).containsAll(started(redrive));
      Step next = restored.stepper().step(ended(started(redrive).get(0), ExecutionStatus.SUCCEEDED));
      assertThat(next.events()).isEmpty();
      restored.stepper().step(ended(started(redrive).get(1), ExecutionStatus.SUCCEEDED));
      assertThat(restored.stepper().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void anEndOfAnAttemptBeforeTheRedriveIsNotTheChildsEndAndTheRedriveIsAskedForAgain() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 2, ""));
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(m, items(2), Fixtures.options());
      List<Command.StartChildExecution> first = started(stepper.step(new StepInput.Start()));
      stepper.step(ended(first.get(0), ExecutionStatus.FAILED)); // the run fails; child 1 is to be stopped
      Step redrive = stepper.step(new StepInput.Redrive());
      Command.StartChildExecution child1 = started(redrive).stream().filter(c -> c.index() == 1).findFirst().orElseThrow();
      assertThat(child1.redriveCount()).isEqualTo(1);

      // child 1 was still running when its run was redriven: its stop ends it now, an end of before the redrive
      String arn = child1.record().executionArn();
      Step stale = stepper.step(new StepInput.ChildExecutionEnded(arn, ExecutionStatus.ABORTED, null, null, null, 0));
      assertThat(stale.events()).isEmpty();
      assertThat(started(stale)).containsExactly(child1);
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.RUNNING);

      stepper.step(new StepInput.ChildExecutionEnded(arn, ExecutionStatus.SUCCEEDED, Json.NODES.numberNode(10), null, null, 1));
      Command.StartChildExecution child0 = started(redrive).stream().filter(c -> c.index() == 0).findFirst().orElseThrow();
      Step done = stepper.step(new StepInput.ChildExecutionEnded(child0.record().executionArn(), ExecutionStatus.SUCCEEDED,
          Json.NODES.numberNode(0), null, null, 1));
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.events()).extracting(HistoryEvent::type).startsWith(EventType.MapRunSucceeded);
    }
  }

  @Test
  void aMapStateThatFailedOnItsOwnOutputRunsAgainWithANewMapRun() {
    // the run succeeds; the state's OutputPath selects nothing, a States.Runtime failure of the state
    StateMachine m = Fixtures.machine("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","OutputPath":"$[5]","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","Parameters":{"item.$":"$","redrives":0},"End":true}}}}}}"""
        .formatted(WORK));
    Work work = new Work();
    try (Engine engine = Fixtures.engine().invoker(WORK, work.invoker()).build()) {
      ExecutionResult failed = engine.run(m, items(2), Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.error()).isEqualTo("States.Runtime");

      ExecutionResult again = engine.redrive(m, failed.record(), stored(failed), failed.childEndings(), failed.children());
      List<HistoryEvent> after = afterLastRedrive(again);
      assertThat(after).extracting(HistoryEvent::type).startsWith(EventType.ExecutionRedriven, EventType.MapStateStarted,
          EventType.MapRunStarted, EventType.MapRunSucceeded);
      assertThat(runArn(after)).as("a new Map Run").isNotEqualTo(runArn(failed.events()));
      assertThat(work.of(0)).as("its children run again").isEqualTo(2);
    }
  }

  @Test
  void aRunRedrivenAThousandTimesIsNotRedrivenAgainAndItsStateFailsWithStatesRuntime() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 1, ""));
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(m, items(1), Fixtures.options());
      Command.StartChildExecution child = started(stepper.step(new StepInput.Start())).get(0);
      stepper.step(ended(child, ExecutionStatus.FAILED));
      for (int i = 1; i <= 1000; i++) {
        Step redrive = stepper.step(new StepInput.Redrive());
        assertThat(((EventDetails.MapRunRedriven) redrive.events().get(1).details()).redriveCount()).isEqualTo(i);
        stepper.step(ended(started(redrive).get(0), ExecutionStatus.FAILED));
      }
      Step last = stepper.step(new StepInput.Redrive());
      assertThat(last.events()).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionRedriven, EventType.MapStateFailed,
          EventType.ExecutionFailed);
      assertThat(started(last)).isEmpty();
      assertThat(((EventDetails.ExecutionEnded) last.events().get(2).details()).error()).isEqualTo("States.Runtime");
    }
  }

  @Test
  void withoutTheChildrensHistoriesTheInMemoryRedriveIsRefusedWithTheReason() {
    StateMachine m = Fixtures.machine(machine("STANDARD", 0, ""));
    try (Engine engine = Fixtures.engine().invoker(WORK, new Work(0).invoker()).build()) {
      ExecutionResult failed = engine.run(m, items(1), Fixtures.options());
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.redrive(m, failed.record(), stored(failed), failed.childEndings()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass the children's results");
    }
  }

  @Test
  void aRunWhoseResultWriterFailedWritesItsResultsAgainWithoutRunningItsChildren() {
    String put = "arn:aws:states:::s3:putObject";
    StateMachine m = Fixtures.machine(machine("STANDARD", 0,
        "\"ResultWriter\":{\"Resource\":\"" + put + "\",\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"}},"));
    Work work = new Work();
    List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger puts = new AtomicInteger();
    try (Engine engine = Fixtures.engine().invoker(WORK, work.invoker()).invoker(put, req -> {
      if (puts.incrementAndGet() == 1) {
        throw new TaskFailure("S3.AccessDenied", "not yet");
      }
      keys.add(req.input().get("Key").asText());
      return Json.NODES.objectNode();
    }).build()) {
      ExecutionResult failed = engine.run(m, items(2), Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.error()).isEqualTo("States.ResultWriterFailed");

      ExecutionResult again = engine.redrive(m, failed.record(), stored(failed), failed.childEndings(), failed.children());
      assertThat(again.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(List.of(work.of(0), work.of(1))).as("no child runs again").containsExactly(1, 1);
      String runId = runArn(failed.events()).substring(runArn(failed.events()).lastIndexOf(':') + 1);
      assertThat(keys).containsExactly("runs/" + runId + "/SUCCEEDED_0.json", "runs/" + runId + "/manifest.json");
      assertThat(afterLastRedrive(again)).extracting(HistoryEvent::type).startsWith(EventType.ExecutionRedriven, EventType.MapRunRedriven,
          EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded);
    }
  }

  @Test
  void aRunWhoseItemReaderFailedReadsItsItemsAgainUnderItsArn() {
    String get = "arn:aws:states:::s3:getObject";
    StateMachine m = Fixtures.machine(ItemReaderTest.machine(
        "{\"Resource\":\"" + get + "\",\"ReaderConfig\":{\"InputType\":\"JSON\"},\"Parameters\":{\"Bucket\":\"data\",\"Key\":\"k\"}}", ""));
    AtomicInteger reads = new AtomicInteger();
    try (Engine engine = Fixtures.engine().invoker(get, req -> {
      if (reads.incrementAndGet() == 1) {
        throw new TaskFailure("S3.NoSuchKey", "not there yet");
      }
      return Json.NODES.textNode("[1,2]");
    }).build()) {
      ExecutionResult failed = engine.run(m, "{}", Fixtures.options());
      assertThat(failed.error()).isEqualTo("States.ItemReaderFailed");
      assertThat(failed.children()).isEmpty();

      ExecutionResult again = engine.redrive(m, failed.record(), stored(failed), failed.childEndings(), failed.children());
      assertThat(again.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(again.output()).isEqualTo(Json.NODES.arrayNode().add(1).add(2));
      assertThat(afterLastRedrive(again)).extracting(HistoryEvent::type).startsWith(EventType.ExecutionRedriven, EventType.MapRunRedriven,
          EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded, EventType.MapRunSucceeded);
      assertThat(((EventDetails.MapRunRedriven) afterLastRedrive(again).get(1).details()).mapRunArn()).isEqualTo(runArn(failed.events()));
      assertThat(again.children()).hasSize(2);
    }
  }
}
