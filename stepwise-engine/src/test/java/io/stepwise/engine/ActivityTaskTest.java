package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.engine.step.TimerKind;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Activity tasks: scheduled with ActivityScheduled, started only when a worker takes them
 * (GetActivityTask, as the ActivityStarted input), answered through their task token, and timed
 * from the start as AWS documents (TimeoutSeconds and HeartbeatSeconds count from ActivityStarted).
 */
class ActivityTaskTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:111111111111:activity:track";
  private static final String TRACK = """
      {"StartAt":"Track","States":{"Track":{"Type":"Task","Resource":"%s","TimeoutSeconds":300,"HeartbeatSeconds":60,
        "Parameters":{"order.$":"$.order"},
        "Catch":[{"ErrorEquals":["States.HeartbeatTimeout"],"ResultPath":"$.error","Next":"Lost"}],"End":true},
        "Lost":{"Type":"Pass","End":true}}}""".formatted(ACTIVITY);

  /** A clock the test moves, so the times a worker acts at are known. */
  private static final class ManualClock implements InstantSource {
    long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  private static List<EventType> types(Step s) {
    return s.events().stream().map(HistoryEvent::type).toList();
  }

  private static Command.ScheduleTask scheduled(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.ScheduleTask).map(c -> (Command.ScheduleTask) c).findFirst().orElseThrow();
  }

  private static List<Command.StartTimer> timers(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.StartTimer).map(c -> (Command.StartTimer) c).toList();
  }

  private static JsonNode order() {
    return Json.NODES.objectNode().put("order", "o-1");
  }

  @Test
  void aWorkerTakesTheTaskThenAnswersItByItsToken() {
    ManualClock clock = new ManualClock();
    try (Engine engine = Engine.builder().clock(clock).build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(TRACK), order(), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      assertThat(types(first)).containsExactly(EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.ActivityScheduled);
      Command.ScheduleTask task = scheduled(first);
      assertThat(task.isActivity()).isTrue();
      assertThat(task.request().input()).isEqualTo(order());
      assertThat(timers(first)).extracting(Command.StartTimer::kind).containsExactly(TimerKind.DURATION_LIMIT);
      EventDetails.ActivityScheduled details = (EventDetails.ActivityScheduled) first.events().get(2).details();
      assertThat(details).isEqualTo(new EventDetails.ActivityScheduled(ACTIVITY, order(), 300L, 60L));

      String token = task.request().taskToken();
      assertThat(stepper.awaits(token)).as("no worker has it yet: SendTaskSuccess has nothing to answer").isFalse();
      assertThatThrownBy(() -> stepper.step(new StepInput.CallbackSucceeded(token, Json.NODES.objectNode())))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("waits for the task token");

      clock.millis += 5_000;
      Step taken = stepper.step(new StepInput.ActivityStarted(token, "tracker-1"));
      assertThat(types(taken)).containsExactly(EventType.ActivityStarted);
      assertThat(taken.events().get(0).details()).isEqualTo(new EventDetails.ActivityStarted("tracker-1"));
      long startedAt = taken.events().get(0).timestamp();
      assertThat(timers(taken)).extracting(Command.StartTimer::kind, Command.StartTimer::due)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(TimerKind.TASK_TIMEOUT, startedAt + 300_000),
              org.assertj.core.groups.Tuple.tuple(TimerKind.HEARTBEAT_TIMEOUT, startedAt + 60_000));
      assertThatThrownBy(() -> stepper.step(new StepInput.ActivityStarted(token, "tracker-2")))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("taken already");

      ObjectNode result = Json.NODES.objectNode().put("delivered", true);
      Step done = stepper.step(new StepInput.CallbackSucceeded(token, result));
      assertThat(types(done)).containsExactly(EventType.ActivitySucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
      assertThat(done.commands()).contains(new Command.Finish(ExecutionStatus.SUCCEEDED));
    }
  }

  @Test
  void aWorkerThatStopsSendingHeartbeatsTimesTheTaskOutAndCatchTakesIt() {
    ManualClock clock = new ManualClock();
    try (Engine engine = Engine.builder().clock(clock).build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(TRACK), order(), Fixtures.options());
      String token = scheduled(stepper.step(new StepInput.Start())).request().taskToken();
      Step taken = stepper.step(new StepInput.ActivityStarted(token, "tracker-1"));
      long heartbeat = timers(taken).stream().filter(t -> t.kind() == TimerKind.HEARTBEAT_TIMEOUT).findFirst().orElseThrow().timerId();
      Step lost = stepper.step(new StepInput.TimerFired(heartbeat));
      assertThat(types(lost)).startsWith(EventType.ActivityTimedOut, EventType.TaskStateExited, EventType.PassStateEntered);
      assertThat(lost.events().get(0).details()).isEqualTo(new EventDetails.LambdaFailed("States.HeartbeatTimeout", null));
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void aWorkersFailureFailsTheTaskWithItsError() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(TRACK), order(), Fixtures.options());
      String token = scheduled(stepper.step(new StepInput.Start())).request().taskToken();
      stepper.step(new StepInput.ActivityStarted(token, null));
      Step failed = stepper.step(new StepInput.CallbackFailed(token, "Tracking.Lost", "the parcel left the map"));
      assertThat(types(failed)).containsExactly(EventType.ActivityFailed, EventType.ExecutionFailed);
      assertThat(failed.events().get(0).details()).isEqualTo(new EventDetails.LambdaFailed("Tracking.Lost", "the parcel left the map"));
    }
  }

  /** Without its timeouts: with fast time, a timer due would not wait long for a slow handler. */
  private static final String UNTIMED = TRACK.replace("\"TimeoutSeconds\":300,\"HeartbeatSeconds\":60,", "");

  @Test
  void runWithAHandlerForTheActivityTakesItAsAWorkerWould() {
    try (Engine engine = Fixtures.engine().invoker(ACTIVITY, req -> Json.NODES.objectNode().put("tracked", req.input().get("order").asText())).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(UNTIMED), order(), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.output()).isEqualTo(Json.NODES.objectNode().put("tracked", "o-1"));
      assertThat(Fixtures.types(r)).containsExactly(EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.ActivityScheduled,
          EventType.ActivityStarted, EventType.ActivitySucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
    }
  }

  @Test
  void runWithoutAWorkerStaysRunningAndSaysWhatItWaitsFor() {
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult r = engine.run(Fixtures.machine(UNTIMED), order(), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(r.waitingFor()).contains("'Track'", ACTIVITY, "waits for a worker to take it with GetActivityTask");
    }
  }

  @Test
  void activityEventsRoundTripAsGetExecutionHistoryWritesThem() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(TRACK), order(), Fixtures.options());
      List<HistoryEvent> events = new ArrayList<>();
      Step first = stepper.step(new StepInput.Start());
      events.addAll(first.events());
      String token = scheduled(first).request().taskToken();
      events.addAll(stepper.step(new StepInput.ActivityStarted(token, "tracker-1")).events());
      events.addAll(stepper.step(new StepInput.CallbackSucceeded(token, Json.NODES.objectNode())).events());
      JsonNode json = HistoryJson.toJson(events);
      assertThat(json.get(3).get("activityStartedEventDetails").get("workerName").asText()).isEqualTo("tracker-1");
      JsonNode scheduled = json.get(2).get("activityScheduledEventDetails");
      assertThat(scheduled.get("resource").asText()).isEqualTo(ACTIVITY);
      assertThat(scheduled.get("input").asText()).isEqualTo("{\"order\":\"o-1\"}");
      assertThat(scheduled.get("timeoutInSeconds").asLong()).isEqualTo(300);
      assertThat(scheduled.get("heartbeatInSeconds").asLong()).isEqualTo(60);
      assertThat(json.get(4).get("activitySucceededEventDetails").get("output").asText()).isEqualTo("{}");
      List<HistoryEvent> back = HistoryReader.read(json);
      for (int i = 0; i < back.size(); i++) {
        assertThat(HistoryJson.equivalent(back.get(i), events.get(i))).as("event %d", i).isTrue();
      }
    }
  }

  /**
   * Heartbeats are not recorded, so a history in which a worker kept a task alive past its first
   * HeartbeatSeconds replays only if replay takes the heartbeat timer's silence as heartbeats.
   */
  @Test
  void aHistoryWithHeartbeatsReplaysWhileAnotherBranchWaits() {
    String parallel = """
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Track","States":{"Track":{"Type":"Task","Resource":"%s","HeartbeatSeconds":10,"TimeoutSeconds":100,"End":true}}},
          {"StartAt":"Window","States":{"Window":{"Type":"Wait","Seconds":30,"End":true}}}]}}}""".formatted(ACTIVITY);
    ManualClock clock = new ManualClock();
    List<HistoryEvent> history = new ArrayList<>();
    ExecutionRecord record;
    try (Engine engine = Engine.builder().clock(clock).build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(parallel), order(), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      history.addAll(first.events());
      String token = scheduled(first).request().taskToken();
      history.addAll(stepper.step(new StepInput.ActivityStarted(token, "tracker-1")).events());
      long waitTimer = timers(first).stream().filter(t -> t.kind() == TimerKind.WAIT).findFirst().orElseThrow().timerId();
      for (int s = 7; s < 30; s += 7) {
        clock.millis += 7_000;
        history.addAll(stepper.step(new StepInput.Heartbeat(token)).events());
      }
      clock.millis += 2_000; // 30 s after the start
      history.addAll(stepper.step(new StepInput.TimerFired(waitTimer)).events());
      clock.millis += 5_000;
      history.addAll(stepper.step(new StepInput.Heartbeat(token)).events());
      history.addAll(stepper.step(new StepInput.CallbackSucceeded(token, Json.NODES.objectNode().put("at", "door"))).events());
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      record = stepper.record();
    }
    try (Engine fresh = Fixtures.engine().build()) {
      ExecutionResult again = fresh.resume(Fixtures.machine(parallel), record, history);
      assertThat(again.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(again.events()).isEqualTo(history);
    }
  }

  /** A cut after the worker took the task resumes with the task started: the worker's answer is all that is left. */
  @Test
  void aCutAfterTheWorkerTookTheTaskResumesWithTheTaskStarted() {
    List<HistoryEvent> history = new ArrayList<>();
    ExecutionRecord record;
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(TRACK), order(), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      history.addAll(first.events());
      history.addAll(stepper.step(new StepInput.ActivityStarted(scheduled(first).request().taskToken(), "w")).events());
      record = stepper.record();
    }
    try (Engine resumed = Fixtures.engine().invoker(ACTIVITY, req -> Json.NODES.objectNode().put("late", true)).build()) {
      ExecutionResult r = resumed.resume(Fixtures.machine(TRACK), record, history);
      assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.events().stream().filter(e -> e.type() == EventType.ActivityStarted)).hasSize(1);
      assertThat(r.output()).isEqualTo(Json.NODES.objectNode().put("late", true));
    }
  }
}
