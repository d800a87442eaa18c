package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.TimerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step call: one input in, the new events and the commands out, as data; nothing is called. */
class StepCallTest {
  private static final String MACHINE = """
      {"StartAt":"T","States":{
        "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:charge","Parameters":{"amount.$":"$.amount"},
             "TimeoutSeconds":60,"Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":2,"MaxAttempts":1}],"Next":"W"},
        "W":{"Type":"Wait","Seconds":10,"End":true}}}""";

  private static List<EventType> types(Step s) {
    return s.events().stream().map(HistoryEvent::type).toList();
  }

  @Test
  void aCallerDrivesAnExecutionThroughTasksRetriesAndTimers() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(MACHINE), Engine.parseInput("{\"amount\":5}"), Fixtures.options());

      Step started = stepper.step(new StepInput.Start());
      assertThat(types(started)).containsExactly(
          EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.TaskScheduled, EventType.TaskStarted);
      Command.ScheduleTask charge = (Command.ScheduleTask) started.commands().stream()
          .filter(c -> c instanceof Command.ScheduleTask).findFirst().orElseThrow();
      assertThat(charge.request().input()).isEqualTo(Json.NODES.objectNode().put("amount", 5));
      assertThat(started.commands()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Command.StartTimer.class,
          t -> assertThat(t.kind()).isEqualTo(TimerKind.TASK_TIMEOUT)));

      // a second Start, and an outcome for a task nobody scheduled, are refused; nothing is recorded
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> stepper.step(new StepInput.Start()))
          .isInstanceOf(io.stepwise.engine.step.StepRefusedException.class)
          .hasMessageContaining("has already started");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> stepper.step(new StepInput.TaskSucceeded(999, Json.NODES.nullNode())))
          .isInstanceOf(io.stepwise.engine.step.StepRefusedException.class)
          .hasMessageContaining("No task scheduled by event 999");

      // the task fails once: the task's timeout is cancelled and a retry timer set
      Step failed = stepper.step(new StepInput.TaskFailed(charge.scheduledEventId(), "Busy", "try later"));
      assertThat(types(failed)).containsExactly(EventType.TaskFailed);
      assertThat(failed.commands()).anySatisfy(c -> assertThat(c).isInstanceOf(Command.CancelTimer.class));
      Command.StartTimer retry = (Command.StartTimer) failed.commands().stream()
          .filter(c -> c instanceof Command.StartTimer).findFirst().orElseThrow();
      assertThat(retry.kind()).isEqualTo(TimerKind.RETRY);

      Step retried = stepper.step(new StepInput.TimerFired(retry.timerId()));
      assertThat(types(retried)).containsExactly(EventType.TaskScheduled, EventType.TaskStarted);
      Command.ScheduleTask again = (Command.ScheduleTask) retried.commands().stream()
          .filter(c -> c instanceof Command.ScheduleTask).findFirst().orElseThrow();

      Step paid = stepper.step(new StepInput.TaskSucceeded(again.scheduledEventId(), Json.NODES.textNode("ok")));
      assertThat(types(paid)).containsExactly(EventType.TaskSucceeded, EventType.TaskStateExited, EventType.WaitStateEntered);
      Command.StartTimer wait = (Command.StartTimer) paid.commands().stream()
          .filter(c -> c instanceof Command.StartTimer t && t.kind() == TimerKind.WAIT).findFirst().orElseThrow();

      Step done = stepper.step(new StepInput.TimerFired(wait.timerId()));
      assertThat(types(done)).containsExactly(EventType.WaitStateExited, EventType.ExecutionSucceeded);
      assertThat(done.commands()).contains(new Command.Finish(ExecutionStatus.SUCCEEDED));
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void anOutcomeForATaskThatEndedMeanwhileIsRefusedWithTheReason() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(MACHINE), Engine.parseInput("{\"amount\":5}"), Fixtures.options());
      Step started = stepper.step(new StepInput.Start());
      Command.StartTimer timeout = (Command.StartTimer) started.commands().stream()
          .filter(c -> c instanceof Command.StartTimer t && t.kind() == TimerKind.TASK_TIMEOUT).findFirst().orElseThrow();
      Command.ScheduleTask charge = (Command.ScheduleTask) started.commands().get(0);
      Step timedOut = stepper.step(new StepInput.TimerFired(timeout.timerId()));
      assertThat(types(timedOut)).contains(EventType.TaskTimedOut);
      assertThat(timedOut.commands()).contains(new Command.CancelTask(charge.scheduledEventId(), charge.resource(), charge.request()));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> stepper.step(new StepInput.TaskSucceeded(charge.scheduledEventId(), Json.NODES.textNode("late"))))
          .isInstanceOf(io.stepwise.engine.step.StepRefusedException.class)
          .hasMessageContaining("has ended");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> stepper.step(new StepInput.TimerFired(timeout.timerId())))
          .isInstanceOf(io.stepwise.engine.step.StepRefusedException.class);
    }
  }
}
