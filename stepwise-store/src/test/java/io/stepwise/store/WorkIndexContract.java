package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.Restored;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a restarted server reads: the rows agree with what {@code Engine.restore} says is
 * outstanding, so it may trust the rows and restore an execution only when it next has input.
 */
public interface WorkIndexContract extends ContractBase {
  @Test
  default void theRowsOfAWaitingExecutionAreWhatItsRestoreSaysIsOutstanding() {
    Driven d = machines().driven("Orders", Machines.PARALLEL, "e1", "{}");
    committed(d.start(1_000));
    List<Command.ScheduleTask> tasks = d.all(Command.ScheduleTask.class);
    committed(d.step(new StepInput.TaskSucceeded(tasks.get(0).scheduledEventId(), io.stepwise.asl.json.Json.NODES.textNode("left"))));

    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    Restored restored = machines().engine.restore(Machines.parse(Machines.PARALLEL), row.record(), store().history(d.arn()),
        store().childEndings(d.arn()));
    assertThat(restored.outstanding().events()).isEmpty(); // the stored history ended where a step ended
    List<Command> outstanding = restored.outstanding().commands();

    assertThat(store().tasks(10, null).items()).extracting(TaskRow::scheduledEventId).containsExactlyElementsOf(
        outstanding.stream().filter(c -> c instanceof Command.ScheduleTask).map(c -> ((Command.ScheduleTask) c).scheduledEventId()).toList());
    assertThat(store().timers(10, null).items()).containsExactlyInAnyOrderElementsOf(outstanding.stream()
        .filter(c -> c instanceof Command.StartTimer).map(c -> (Command.StartTimer) c)
        .map(t -> new TimerRow(d.arn(), t.timerId(), t.kind(), t.due())).toList());
    Command.ScheduleTask fromRow = store().tasks(10, null).items().get(0).scheduleTask();
    Command.ScheduleTask fromRestore = (Command.ScheduleTask) outstanding.stream().filter(c -> c instanceof Command.ScheduleTask).findFirst().orElseThrow();
    assertThat(fromRow.resource()).isEqualTo(fromRestore.resource());
    assertThat(io.stepwise.asl.json.Json.write(fromRow.request().input())).isEqualTo(io.stepwise.asl.json.Json.write(fromRestore.request().input()));
    assertThat(fromRow.request().stateName()).isEqualTo(fromRestore.request().stateName());
  }

  @Test
  default void aParentsChildrenAreWorkRowsUntilItReceivesTheirEnds() {
    Driven parent = machines().driven("Orders", Machines.DISTRIBUTED, "parent", "[10,20,30]");
    committed(parent.start(1_000));
    List<Command.StartChildExecution> children = parent.all(Command.StartChildExecution.class);
    assertThat(children).hasSize(2); // MaxConcurrency 2
    List<WorkRow> all = allWork();
    assertThat(all).containsExactlyInAnyOrder(new WorkRow(parent.arn(), WorkRow.child(children.get(0).record().executionArn())),
        new WorkRow(parent.arn(), WorkRow.child(children.get(1).record().executionArn())));
    assertThat(all.get(0).childArn()).startsWith("arn:aws:states:");

    // the first child's end: its row goes, and the third child's comes (the next item started)
    String first = children.get(0).record().executionArn();
    committed(parent.step(new StepInput.ChildExecutionEnded(first, io.stepwise.engine.ExecutionStatus.SUCCEEDED,
        children.get(0).input(), null, null)));
    List<Command.StartChildExecution> open = new java.util.ArrayList<>(List.of(children.get(1)));
    open.addAll(parent.all(Command.StartChildExecution.class));
    assertThat(allWork().stream().map(WorkRow::childArn).toList())
        .containsExactlyInAnyOrderElementsOf(open.stream().map(c -> c.record().executionArn()).toList()).doesNotContain(first);

    // the parent ends: every row of it goes
    for (Command.StartChildExecution c : open) {
      committed(parent.step(new StepInput.ChildExecutionEnded(c.record().executionArn(), io.stepwise.engine.ExecutionStatus.SUCCEEDED,
          c.input(), null, null)));
    }
    assertThat(store().execution(parent.arn()).orElseThrow().status()).isEqualTo(io.stepwise.engine.ExecutionStatus.SUCCEEDED);
    assertThat(allWork()).isEmpty();
  }

  @Test
  default void aChildItsParentStoppedHasAStopRowUntilItEnds() {
    Driven parent = machines().driven("Orders", Machines.DISTRIBUTED_WAITING, "stopper", "[10,20,30]");
    committed(parent.start(1_000));
    List<Command.StartChildExecution> children = parent.all(Command.StartChildExecution.class);
    Command.StartChildExecution first = children.get(0);
    io.stepwise.engine.run.Stepper child = machines().engine.stepper(first, machines().clock.millis);
    io.stepwise.engine.step.Step childStart = child.step(new StepInput.Start());
    String childArn = first.record().executionArn();
    committed(new NewExecution(first.record(), null, null, first.mapRunArn(), null, "10", childStart.events().get(0).timestamp(),
        StepWrite.of(childArn, 0, new StepInput.Start(), childStart)));

    // the parent is stopped: it stops its children; only the one stored has a row to show it
    committed(parent.step(new StepInput.Stop("Halt", "stopped")));
    assertThat(parent.all(Command.StopChildExecution.class)).hasSize(2);
    assertThat(allWork()).containsExactly(new WorkRow(childArn, WorkRow.STOP));

    // the child takes its stop and ends: the row goes with its others
    io.stepwise.engine.step.Step stopped = child.step(new StepInput.Stop(null, null));
    committed(StepWrite.of(childArn, childStart.events().size(), new StepInput.Stop(null, null), stopped));
    assertThat(store().execution(childArn).orElseThrow().status()).isEqualTo(io.stepwise.engine.ExecutionStatus.ABORTED);
    assertThat(allWork()).isEmpty();
  }

  @Test
  default void aStopOfAChildThatHadEndedLeavesNoRowThatCouldAbortItsRedriveAfterARestart() {
    Driven parent = machines().driven("Orders", Machines.DISTRIBUTED_WAITING, "stop-redrive", "[10,20]");
    committed(parent.start(1_000));
    List<Command.StartChildExecution> children = parent.all(Command.StartChildExecution.class);
    io.stepwise.engine.run.Stepper[] steppers = new io.stepwise.engine.run.Stepper[2];
    long[] events = new long[2];
    for (int i = 0; i < 2; i++) {
      Command.StartChildExecution c = children.get(i);
      steppers[i] = machines().engine.stepper(c, machines().clock.millis);
      io.stepwise.engine.step.Step start = steppers[i].step(new StepInput.Start());
      events[i] = start.events().size();
      committed(new NewExecution(c.record(), null, null, c.mapRunArn(), null, "1", 1_000, StepWrite.of(c.record().executionArn(), 0,
          new StepInput.Start(), start)));
    }
    // the first child is stopped by hand and ends; then its parent, which has not heard, stops both
    String ended = children.get(0).record().executionArn();
    StepInput.Stop halt = new StepInput.Stop("Halt", null);
    committed(StepWrite.of(ended, events[0], halt, steppers[0].step(halt)));
    committed(parent.step(new StepInput.Stop("Halt", null)));
    String running = children.get(1).record().executionArn();
    assertThat(allWork()).as("only the child still running has a stop to take").containsExactly(new WorkRow(running, WorkRow.STOP));

    // the running child takes its stop; the ended one is redriven, and no stop row is there for a restart to deliver
    committed(StepWrite.of(running, events[1], halt, steppers[1].step(halt)));
    assertThat(allWork()).isEmpty();
    committed(StepWrite.of(ended, events[0] + 1, new StepInput.Redrive(), steppers[0].step(new StepInput.Redrive())));
    assertThat(store().execution(ended).orElseThrow().status()).isEqualTo(io.stepwise.engine.ExecutionStatus.RUNNING);
    assertThat(allWork()).isEmpty();
  }

  /** Every work row, read a row a page: each must come exactly once. */
  private List<WorkRow> allWork() {
    List<WorkRow> out = new java.util.ArrayList<>();
    String token = null;
    do {
      Page<WorkRow> page = store().work(1, token);
      out.addAll(page.items());
      token = page.nextToken();
    } while (token != null);
    return out;
  }

  @Test
  default void noTimerIsDueBeforeAnyIsSetAndALimitBoundsThePage() {
    assertThat(store().work(10, null)).isEqualTo(new Page<>(List.of(), null));
    assertThat(store().timersDue(Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store().timersDueCount(Long.MAX_VALUE)).isZero();
    assertThat(store().runningCount()).isZero();
    assertThat(store().timers(10, null)).isEqualTo(new Page<>(List.of(), null));
    assertThat(store().tasks(10, null)).isEqualTo(new Page<>(List.of(), null));
    assertThat(store().taskToken("no-such-token")).isEmpty();
    assertThat(store().running(10, null)).isEqualTo(new Page<>(List.of(), null));
  }
}
