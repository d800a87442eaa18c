package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** StopExecution and SendTask{Success,Failure,Heartbeat} as inputs of the step call. */
class StopAndCallbackInputsTest {
  private static final String CALLBACK = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "HeartbeatSeconds":30,"TimeoutSeconds":600,"Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""";

  private static List<EventType> types(Step s) {
    return s.events().stream().map(HistoryEvent::type).toList();
  }

  private static Stepper started(Engine engine, String definition) {
    return engine.stepper(Fixtures.machine(definition), Engine.parseInput("{}"), Fixtures.options());
  }

  private static String token(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.ScheduleTask).map(c -> ((Command.ScheduleTask) c).request().taskToken())
        .findFirst().orElseThrow();
  }

  private static long timer(Step s, TimerKind kind) {
    return s.commands().stream().filter(c -> c instanceof Command.StartTimer t && t.kind() == kind)
        .map(c -> ((Command.StartTimer) c).timerId()).findFirst().orElseThrow();
  }

  @Test
  void sendTaskSuccessByTokenEndsTheTask() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = started(engine, CALLBACK);
      Step first = stepper.step(new StepInput.Start());
      String token = token(first);
      assertThat(stepper.awaits(token)).isTrue();
      Step done = stepper.step(new StepInput.CallbackSucceeded(token, Json.NODES.objectNode().put("courier", "Ada")));
      assertThat(types(done)).containsExactly(EventType.TaskSucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
      assertThat(done.commands()).contains(new Command.Finish(ExecutionStatus.SUCCEEDED));
      assertThat(stepper.awaits(token)).isFalse();
      assertThatThrownBy(() -> stepper.step(new StepInput.CallbackSucceeded(token, Json.NODES.objectNode())))
          .isInstanceOf(io.stepwise.engine.step.StepRefusedException.class).hasMessageContaining("has ended");
    }
  }

  @Test
  void sendTaskFailureFailsTheTaskWithTheCallersError() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = started(engine, CALLBACK);
      String token = token(stepper.step(new StepInput.Start()));
      Step failed = stepper.step(new StepInput.CallbackFailed(token, "Courier.Refused", "no one free"));
      assertThat(types(failed)).containsExactly(EventType.TaskFailed, EventType.ExecutionFailed);
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.FAILED);
    }
  }

  @Test
  void aHeartbeatSetsTheHeartbeatTimeoutAgainAndTheTaskTimeoutStays() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(Fixtures.CLOCK.millis());
    try (Engine engine = Fixtures.engine().fastTime(false).clock(() -> java.time.Instant.ofEpochMilli(now.get())).build()) {
      Stepper stepper = started(engine, CALLBACK);
      Step first = stepper.step(new StepInput.Start());
      long heartbeat = timer(first, TimerKind.HEARTBEAT_TIMEOUT);
      timer(first, TimerKind.TASK_TIMEOUT);
      now.addAndGet(20_000);
      Step beat = stepper.step(new StepInput.Heartbeat(token(first)));
      assertThat(beat.events()).isEmpty();
      long renewed = timer(beat, TimerKind.HEARTBEAT_TIMEOUT);
      assertThat(renewed).as("the same timer, moved").isEqualTo(heartbeat);
      assertThat(beat.commands()).contains(new Command.StartTimer(heartbeat, TimerKind.HEARTBEAT_TIMEOUT, now.get() + 30_000));
      assertThat(beat.commands()).noneMatch(c -> c instanceof Command.CancelTimer);
      Step timedOut = stepper.step(new StepInput.TimerFired(renewed));
      assertThat(types(timedOut)).containsExactly(EventType.TaskTimedOut, EventType.ExecutionFailed);
      assertThat(timedOut.events().get(0).details().toString()).contains("States.HeartbeatTimeout");
      assertThat(timedOut.commands()).anySatisfy(c -> assertThat(c).isInstanceOf(Command.CancelTimer.class));
    }
  }

  @Test
  void stopAbortsWithTheCallersErrorAndCause() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = started(engine, CALLBACK);
      stepper.step(new StepInput.Start());
      Step stopped = stepper.step(new StepInput.Stop("Cancelled", "the customer cancelled"));
      assertThat(types(stopped)).containsExactly(EventType.ExecutionAborted);
      assertThat(stopped.commands()).contains(new Command.Finish(ExecutionStatus.ABORTED));
      assertThat(stopped.commands()).anySatisfy(c -> assertThat(c).isInstanceOf(Command.CancelTask.class));
      assertThat(stopped.events().get(0).details().toString()).contains("Cancelled").contains("the customer cancelled");
    }
  }
}
