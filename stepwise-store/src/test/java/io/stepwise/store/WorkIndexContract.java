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
  default void noTimerIsDueBeforeAnyIsSetAndALimitBoundsThePage() {
    assertThat(store().timersDue(Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store().timers(10, null)).isEqualTo(new Page<>(List.of(), null));
    assertThat(store().tasks(10, null)).isEqualTo(new Page<>(List.of(), null));
    assertThat(store().taskToken("no-such-token")).isEmpty();
    assertThat(store().running(10, null)).isEqualTo(new Page<>(List.of(), null));
  }
}
