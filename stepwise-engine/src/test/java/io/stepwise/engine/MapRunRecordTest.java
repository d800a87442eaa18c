package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's run keeps its own record (PutMapRun, whenever it changes) and takes
 * UpdateMapRun while it runs; the update is kept for replay like a child's end, since the
 * parent's history records neither.
 */
class MapRunRecordTest {
  private static final String MACHINE = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Orders","MaxConcurrency":1,"ToleratedFailureCount":1,%s
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";

  private static JsonNode items(int n) {
    var a = Json.NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(i);
    }
    return a;
  }

  private static List<Command.StartChildExecution> started(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.StartChildExecution).map(c -> (Command.StartChildExecution) c).toList();
  }

  private static MapRunRecord record(Step s) {
    List<MapRunRecord> puts = s.commands().stream().filter(c -> c instanceof Command.PutMapRun).map(c -> ((Command.PutMapRun) c).run()).toList();
    assertThat(puts).as("one PutMapRun in %s", s.commands()).hasSize(1);
    return puts.get(0);
  }

  private static StepInput.ChildExecutionEnded ended(Command.StartChildExecution c, ExecutionStatus status) {
    return new StepInput.ChildExecutionEnded(c.record().executionArn(), status, status == ExecutionStatus.SUCCEEDED ? c.input() : null,
        status == ExecutionStatus.FAILED ? "Item.Bad" : null, null);
  }

  /** Steps the stepper, keeping a copy of every event for a replay. */
  private static Step step(Stepper stepper, StepInput in, List<HistoryEvent> history) {
    Step s = stepper.step(in);
    history.addAll(List.copyOf(s.events()));
    return s;
  }

  @Test
  void theRecordFollowsTheRunFromItsStartToItsEnd() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(MACHINE.formatted("")), items(2), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      MapRunRecord running = record(first);
      assertThat(running.mapRunArn()).startsWith("arn:aws:states:us-east-1:111111111111:mapRun:Test/Orders:");
      assertThat(running.executionArn()).isEqualTo(stepper.executionArn());
      assertThat(running.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:Test/Orders");
      assertThat(running.status()).isEqualTo(MapRunStatus.RUNNING);
      assertThat(running.stopDate()).isNull();
      assertThat(running.maxConcurrency()).isEqualTo(1);
      assertThat(running.toleratedFailureCount()).isEqualTo(1);
      assertThat(running.toleratedFailurePercentage()).isZero();
      assertThat(running.children()).isEqualTo(2);
      assertThat(running.items()).isEqualTo(2);
      assertThat(running.startDate()).isEqualTo(first.events().get(3).timestamp()); // MapRunStarted
      List<Command.StartChildExecution> one = started(first);
      assertThat(one).hasSize(1);
      assertThat(one.get(0).items()).isEqualTo(1);

      Step second = stepper.step(ended(one.get(0), ExecutionStatus.FAILED));
      assertThat(second.commands()).noneMatch(c -> c instanceof Command.PutMapRun); // a tolerated failure changes no record
      Step last = stepper.step(ended(started(second).get(0), ExecutionStatus.SUCCEEDED));
      MapRunRecord done = record(last);
      assertThat(done.status()).isEqualTo(MapRunStatus.SUCCEEDED);
      assertThat(done.stopDate()).isEqualTo(last.events().get(0).timestamp()); // MapRunSucceeded
      assertThat(done.childrenWritten()).as("both results went into the state's output").isEqualTo(2);
      assertThat(last.commands().get(last.commands().size() - 1)).isInstanceOf(Command.Finish.class);
    }
  }

  @Test
  void batchedChildrenCountTheItemsOfTheirBatch() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(MACHINE.formatted("\"ItemBatcher\":{\"MaxItemsPerBatch\":2},")), items(5),
          Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      assertThat(record(first).children()).isEqualTo(3);
      assertThat(record(first).items()).isEqualTo(5);
      assertThat(started(first).get(0).items()).isEqualTo(2);
    }
  }

  @Test
  void updateMapRunStartsMoreChildrenAtOnceAndIsReplayedWhereItCame() {
    try (Engine engine = Fixtures.engine().build()) {
      StateMachine machine = Fixtures.machine(MACHINE.formatted(""));
      Stepper stepper = engine.stepper(machine, items(4), Fixtures.options());
      List<HistoryEvent> history = new ArrayList<>();
      Step first = step(stepper, new StepInput.Start(), history);
      String run = record(first).mapRunArn();
      assertThat(started(first)).hasSize(1);

      Step updated = step(stepper, new StepInput.UpdateMapRun(run, 3, null, null), history);
      assertThat(updated.events()).as("the parent's history records nothing of it").isEmpty();
      assertThat(started(updated)).extracting(Command.StartChildExecution::index).containsExactly(1, 2);
      assertThat(record(updated).maxConcurrency()).isEqualTo(3);
      assertThat(record(updated).toleratedFailureCount()).as("left as it was").isEqualTo(1);
      assertThat(stepper.childEndings()).hasSize(1).first().satisfies(e -> assertThat(e.afterEvents()).isEqualTo(history.size()));

      assertThatThrownBy(() -> stepper.step(new StepInput.UpdateMapRun(run + "x", 1, null, null)))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("is running: it has ended, or never was");

      // rebuilt from its history and what its run received, it is where it was: three children running
      Restored restored = engine.restore(machine, stepper.record(), history, stepper.childEndings());
      assertThat(restored.outstanding().events()).isEmpty();
      assertThat(restored.outstanding().commands()).filteredOn(c -> c instanceof Command.StartChildExecution).hasSize(3);
    }
  }

  @Test
  void updateMapRunToTolerateFewerFailuresThanThereAreFailsTheRunAtOnce() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(MACHINE.formatted("")), items(3), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      String run = record(first).mapRunArn();
      Step failedOne = stepper.step(ended(started(first).get(0), ExecutionStatus.FAILED));
      Step updated = stepper.step(new StepInput.UpdateMapRun(run, null, 0L, null));
      assertThat(updated.events().stream().map(HistoryEvent::type)).startsWith(EventType.MapRunFailed, EventType.MapStateFailed);
      assertThat(updated.commands()).contains(new Command.StopChildExecution(started(failedOne).get(0).record().executionArn()));
      assertThat(record(updated).status()).isEqualTo(MapRunStatus.FAILED);
      assertThat(record(updated).childrenWritten()).as("a failed run without a ResultWriter writes nothing").isZero();
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThatThrownBy(() -> stepper.step(new StepInput.UpdateMapRun(run, 1, null, null))).isInstanceOf(StepRefusedException.class);
    }
  }

  @Test
  void aRunStoppedWithItsExecutionIsAbortedAndOneStoppedByASiblingRecordsMapRunAborted() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stopped = engine.stepper(Fixtures.machine(MACHINE.formatted("")), items(2), Fixtures.options());
      stopped.step(new StepInput.Start());
      Step stop = stopped.step(new StepInput.Stop("Halt", null));
      assertThat(stop.events().stream().map(HistoryEvent::type)).containsExactly(EventType.ExecutionAborted);
      assertThat(record(stop).status()).isEqualTo(MapRunStatus.ABORTED);
      assertThat(record(stop).stopDate()).isEqualTo(stop.events().get(0).timestamp());

      String parallel = """
          {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
            {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}},
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"F"},"F":{"Type":"Fail","Error":"Boom"}}}]}}}""";
      Stepper sibling = engine.stepper(Fixtures.machine(parallel), items(1), Fixtures.options());
      Step first = sibling.step(new StepInput.Start());
      long timer = first.commands().stream().filter(c -> c instanceof Command.StartTimer t && t.kind() == io.stepwise.engine.step.TimerKind.WAIT)
          .map(c -> ((Command.StartTimer) c).timerId()).findFirst().orElseThrow();
      Step failed = sibling.step(new StepInput.TimerFired(timer));
      List<EventType> types = failed.events().stream().map(HistoryEvent::type).toList();
      assertThat(types).containsSubsequence(EventType.MapRunAborted, EventType.MapStateAborted, EventType.ParallelStateFailed);
      assertThat(record(failed).status()).isEqualTo(MapRunStatus.ABORTED);
    }
  }
}
