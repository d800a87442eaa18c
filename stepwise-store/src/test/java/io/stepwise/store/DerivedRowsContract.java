package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.TimerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer, task and token rows kept from the steps' inputs and commands ({@link DerivedRows}). */
public interface DerivedRowsContract extends ContractBase {
  @Test
  default void aScheduledTaskHasARowWithItsCommandAndItsTimeoutATimer() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    committed(d.start(1_000));
    Command.ScheduleTask schedule = d.command(Command.ScheduleTask.class);
    Command.StartTimer timeout = d.all(Command.StartTimer.class).stream().filter(t -> t.kind() == TimerKind.TASK_TIMEOUT).findFirst().orElseThrow();

    List<TaskRow> tasks = store().tasks(10, null).items();
    assertThat(tasks).hasSize(1);
    TaskRow row = tasks.get(0);
    assertThat(row.executionArn()).isEqualTo(d.arn());
    assertThat(row.scheduledEventId()).isEqualTo(schedule.scheduledEventId());
    assertThat(row.taskToken()).isNull();
    assertThat(row.activityArn()).isNull();
    assertThat(row.started()).isFalse();
    Command.ScheduleTask decoded = row.scheduleTask();
    assertThat(decoded.resource()).isEqualTo(schedule.resource());
    assertThat(decoded.request().input()).isEqualTo(Json.NODES.objectNode().put("amount", 5));
    assertThat(Json.write(decoded.request().context())).isEqualTo(Json.write(schedule.request().context()));
    assertThat(decoded.request().stateName()).isEqualTo("Charge");

    // every timer the step set: the task's timeout, and the execution's duration limit (set when it first waits)
    assertThat(d.all(Command.StartTimer.class)).extracting(Command.StartTimer::kind)
        .containsExactlyInAnyOrder(TimerKind.TASK_TIMEOUT, TimerKind.DURATION_LIMIT);
    assertThat(store().timers(10, null).items()).containsExactlyInAnyOrderElementsOf(
        d.all(Command.StartTimer.class).stream().map(t -> new TimerRow(d.arn(), t.timerId(), t.kind(), t.due())).toList());

    // its outcome ends both: the task row, and (by the step's CancelTimer) its timeout
    committed(d.step(new StepInput.TaskSucceeded(schedule.scheduledEventId(), TextNode.valueOf("ok"))));
    assertThat(store().tasks(10, null).items()).isEmpty();
    assertThat(store().timers(10, null).items()).isEmpty();
  }

  @Test
  default void timersComeDueInOrderOfDueTimeAndFiringOneDeletesIt() {
    long now = machines().clock.millis;
    Driven late = machines().driven("Waits", Machines.WAIT, "late", "{\"seconds\":30}");
    Driven early = machines().driven("Waits", Machines.WAIT, "early", "{\"seconds\":10}");
    Driven middle = machines().driven("Waits", Machines.WAIT, "middle", "{\"seconds\":20}");
    store().commit(List.of(late.start(now), early.start(now), middle.start(now)));

    assertThat(store().timersDue(now + 9_999, 10)).isEmpty();
    assertThat(store().timersDueCount(now + 9_999)).isZero();
    assertThat(store().timersDueCount(now + 20_000)).isEqualTo(2);
    assertThat(store().timersDueCount(now + 60_000)).as("the Waits, not the executions' time limits").isEqualTo(3);
    assertThat(store().timersDue(now + 10_000, 10)).extracting(TimerRow::executionArn).containsExactly(early.arn());
    assertThat(store().timersDue(now + 60_000, 10)).extracting(TimerRow::executionArn).containsExactly(early.arn(), middle.arn(), late.arn());
    assertThat(store().timersDue(now + 60_000, 2)).extracting(TimerRow::executionArn).containsExactly(early.arn(), middle.arn());
    TimerRow first = store().timersDue(now + 60_000, 1).get(0);
    assertThat(first.kind()).isEqualTo(TimerKind.WAIT);
    assertThat(first.due()).isEqualTo(now + 10_000);

    machines().clock.millis = now + 10_000;
    committed(early.step(new StepInput.TimerFired(first.timerId())));
    assertThat(store().timersDue(now + 60_000, 10)).extracting(TimerRow::executionArn).containsExactly(middle.arn(), late.arn());
    assertThat(store().timersDueCount(now + 60_000)).isEqualTo(2);
  }

  @Test
  default void aCallbackTaskIsFoundByItsTokenAndAHeartbeatMovesItsTimer() {
    Driven d = machines().driven("Orders", Machines.CALLBACK, "e1", "{}");
    committed(d.start(1_000));
    Command.ScheduleTask schedule = d.command(Command.ScheduleTask.class);
    String token = schedule.request().taskToken();
    assertThat(store().taskToken(token)).contains(new TokenRow(token, d.arn(), schedule.scheduledEventId(), null));
    assertThat(store().tasks(10, null).items()).singleElement().satisfies(t -> assertThat(t.taskToken()).isEqualTo(token));
    TimerRow heartbeat = store().timers(10, null).items().stream().filter(t -> t.kind() == TimerKind.HEARTBEAT_TIMEOUT).findFirst().orElseThrow();

    machines().clock.millis += 10_000;
    committed(d.step(new StepInput.Heartbeat(token)));
    TimerRow moved = store().timers(10, null).items().stream().filter(t -> t.kind() == TimerKind.HEARTBEAT_TIMEOUT).findFirst().orElseThrow();
    assertThat(moved.timerId()).isEqualTo(heartbeat.timerId());
    assertThat(moved.due()).isEqualTo(heartbeat.due() + 10_000);
    assertThat(store().timers(10, null).items()).extracting(TimerRow::kind)
        .containsExactlyInAnyOrder(TimerKind.HEARTBEAT_TIMEOUT, TimerKind.TASK_TIMEOUT, TimerKind.DURATION_LIMIT);

    committed(d.step(new StepInput.CallbackSucceeded(token, TextNode.valueOf("answered"))));
    assertThat(store().taskToken(token)).isEmpty();
    assertThat(store().tasks(10, null).items()).isEmpty();
    assertThat(store().timers(10, null).items()).isEmpty();
  }

  @Test
  default void activityTasksAreHandedOutOldestFirstAndATakenOneIsNoLongerOffered() {
    Driven first = machines().driven("Pack", Machines.activity(Machines.ACTIVITY), "first", "{\"order\":1}");
    Driven second = machines().driven("Pack", Machines.activity(Machines.ACTIVITY), "second", "{\"order\":2}");
    Driven other = machines().driven("Ship", Machines.activity(Machines.OTHER_ACTIVITY), "other", "{\"order\":3}");
    Driven third = machines().driven("Pack", Machines.activity(Machines.ACTIVITY), "third", "{\"order\":4}");
    // scheduled in this order, whatever the ARNs' order
    committed(second.start(1_000));
    committed(first.start(1_000));
    store().commit(List.of(other.start(1_000), third.start(1_000)));

    assertThat(store().activityTasks(Machines.ACTIVITY, 10)).extracting(TaskRow::executionArn)
        .containsExactly(second.arn(), first.arn(), third.arn());
    assertThat(store().activityTasks(Machines.ACTIVITY, 2)).extracting(TaskRow::executionArn).containsExactly(second.arn(), first.arn());
    assertThat(store().activityTasks(Machines.OTHER_ACTIVITY, 10)).extracting(TaskRow::executionArn).containsExactly(other.arn());
    assertThat(store().activityTasks("arn:aws:states:us-east-1:111111111111:activity:none", 10)).isEmpty();

    TaskRow offered = store().activityTasks(Machines.ACTIVITY, 1).get(0);
    assertThat(offered.activityArn()).isEqualTo(Machines.ACTIVITY);
    assertThat(offered.scheduleTask().isActivity()).isTrue();
    String token = offered.taskToken();
    assertThat(store().taskToken(token)).contains(new TokenRow(token, second.arn(), offered.scheduledEventId(), Machines.ACTIVITY));

    committed(second.step(new StepInput.ActivityStarted(token, "packer-1")));
    assertThat(store().activityTasks(Machines.ACTIVITY, 10)).extracting(TaskRow::executionArn).containsExactly(first.arn(), third.arn());
    TaskRow taken = store().tasks(10, null).items().stream().filter(t -> t.executionArn().equals(second.arn())).findFirst().orElseThrow();
    assertThat(taken.started()).isTrue();
    assertThat(taken.workerName()).isEqualTo("packer-1");
    assertThat(store().taskToken(token)).isPresent();

    committed(second.step(new StepInput.CallbackFailed(token, "Broken", "dropped it")));
    assertThat(store().taskToken(token)).isEmpty();
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::executionArn).containsExactlyInAnyOrder(first.arn(), third.arn(), other.arn());
  }

  @Test
  default void aTaskThatTimesOutIsCancelled() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    committed(d.start(1_000));
    Command.StartTimer timeout = d.all(Command.StartTimer.class).stream().filter(t -> t.kind() == TimerKind.TASK_TIMEOUT).findFirst().orElseThrow();
    machines().clock.millis = timeout.due();
    StepWrite fired = d.step(new StepInput.TimerFired(timeout.timerId()));
    assertThat(fired.step().commands()).anySatisfy(c -> assertThat(c).isInstanceOf(Command.CancelTask.class));
    committed(fired);
    assertThat(store().tasks(10, null).items()).isEmpty();
    assertThat(store().timers(10, null).items()).isEmpty();
    assertThat(store().execution(d.arn()).orElseThrow().error()).isEqualTo("States.Timeout");
  }

  @Test
  default void aStoppedExecutionLeavesNoRowsAndOthersKeepTheirs() {
    Driven stopped = machines().driven("Orders", Machines.PARALLEL, "stopped", "{}");
    Driven kept = machines().driven("Orders", Machines.PARALLEL, "kept", "{}");
    Driven callback = machines().driven("Orders", Machines.CALLBACK, "callback", "{}");
    store().commit(List.of(stopped.start(1_000), kept.start(1_000), callback.start(1_000)));
    assertThat(store().tasks(10, null).items()).hasSize(5);
    String token = callback.command(Command.ScheduleTask.class).request().taskToken();

    store().commit(List.of(stopped.step(new StepInput.Stop("Stopped", "by a test")), callback.step(new StepInput.Stop(null, null))));
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::executionArn).containsOnly(kept.arn()).hasSize(2);
    assertThat(store().timers(10, null).items()).extracting(TimerRow::executionArn).containsOnly(kept.arn()).hasSize(3);
    assertThat(store().taskToken(token)).isEmpty();
    assertThat(store().execution(stopped.arn()).orElseThrow().error()).isEqualTo("Stopped");
  }

  @Test
  default void aRefusedWriteLeavesNoRows() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    NewExecution start = d.start(1_000);
    committed(start);
    WriteResult again = commit(start);
    assertThat(again).isInstanceOf(WriteResult.Refused.class);
    assertThat(store().tasks(10, null).items()).hasSize(1);
    assertThat(store().timers(10, null).items()).hasSize(2);
  }

  @Test
  default void everyTimerAndTaskIsListedOnceAcrossPages() {
    long now = machines().clock.millis;
    List<Write> starts = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      starts.add(machines().driven("Orders", Machines.PARALLEL, "p" + i, "{}").start(now));
      starts.add(machines().driven("Waits", Machines.WAIT, "w" + i, "{\"seconds\":" + (i + 1) + "}").start(now));
    }
    assertThat(store().commit(starts)).allMatch(WriteResult::committed);
    List<TimerRow> timers = ContractBase.allPages(3, (limit, token) -> store().timers(limit, token));
    assertThat(timers).hasSize(25).doesNotHaveDuplicates(); // a Parallel's two timeouts and a Wait's timer, each with a duration limit
    assertThat(timers).containsExactlyInAnyOrderElementsOf(store().timers(100, null).items());
    List<TaskRow> tasks = ContractBase.allPages(4, (limit, token) -> store().tasks(limit, token));
    assertThat(tasks).hasSize(10).doesNotHaveDuplicates();
    assertThat(tasks).containsExactlyInAnyOrderElementsOf(store().tasks(100, null).items());
  }
}
