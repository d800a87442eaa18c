package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a server does after a crash: rebuild each execution from its stored steps and carry out
 * again what was outstanding. A restore after any step gives back exactly the commands that step
 * left outstanding, and driving the restored execution on gives the history of the run that never
 * stopped.
 */
class RestoreTest {
  private static final String MACHINE = """
      {"StartAt":"Charge","States":{
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:pay:charge","Next":"Window"},
        "Window":{"Type":"Wait","Seconds":10,"Next":"Both"},
        "Both":{"Type":"Parallel","Next":"Done","Branches":[
          {"StartAt":"Notify","States":{"Notify":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":3,"MaxAttempts":2}],"End":true}}},
          {"StartAt":"Cool","States":{"Cool":{"Type":"Wait","Seconds":5,"End":true}}}]},
        "Done":{"Type":"Pass","End":true}}}""";

  private static final class ManualClock implements InstantSource {
    long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /** A store and scheduler in miniature: what is outstanding, and the next input it would deliver. */
  private static final class Scheduler {
    final Map<Long, Command.ScheduleTask> tasks = new LinkedHashMap<>();
    final TreeMap<Long, Command.StartTimer> timers = new TreeMap<>();
    boolean more;
    int publishes;

    void carryOut(Step s) {
      more = false;
      for (Command c : s.commands()) {
        switch (c) {
          case Command.ScheduleTask t -> tasks.put(t.scheduledEventId(), t);
          case Command.CancelTask t -> tasks.remove(t.scheduledEventId());
          case Command.StartTimer t -> timers.put(t.timerId(), t);
          case Command.CancelTimer t -> timers.remove(t.timerId());
          case Command.Continue k -> more = true;
          default -> { }
        }
      }
    }

    Set<Command> outstanding() {
      Set<Command> all = new HashSet<>(tasks.values());
      all.addAll(timers.values());
      if (more) {
        all.add(new Command.Continue());
      }
      return all;
    }

    /** Tasks first, in order (the first publish fails, to take a retry); then the earliest timer, which moves the clock. */
    StepInput next(ManualClock clock) {
      if (more) {
        return new StepInput.Continue();
      }
      if (!tasks.isEmpty()) {
        Command.ScheduleTask t = tasks.remove(tasks.keySet().iterator().next());
        if (t.request().resource().endsWith("sns:publish") && publishes++ == 0) {
          return new StepInput.TaskFailed(t.scheduledEventId(), "SNS.Throttled", "slow down");
        }
        return new StepInput.TaskSucceeded(t.scheduledEventId(), Json.NODES.objectNode().put("by", t.request().stateName()));
      }
      Command.StartTimer t = timers.values().stream()
          .filter(x -> x.kind() != io.stepwise.engine.step.TimerKind.DURATION_LIMIT)
          .min(Comparator.comparingLong(Command.StartTimer::due).thenComparingLong(Command.StartTimer::timerId)).orElseThrow();
      timers.remove(t.timerId());
      clock.millis = Math.max(clock.millis, t.due());
      return new StepInput.TimerFired(t.timerId());
    }
  }

  @Test
  void aRestoreAfterAnyStepGivesBackWhatWasOutstandingAndGoesOnAsIfNothingStopped() {
    StateMachine machine = Fixtures.machine(MACHINE);
    ManualClock clock = new ManualClock();
    List<Integer> stepEnds = new ArrayList<>();
    List<Set<Command>> outstandingAfter = new ArrayList<>();
    List<HistoryEvent> whole = new ArrayList<>();
    ExecutionRecord record;
    try (Engine engine = Engine.builder().clock(clock).build()) {
      Stepper stepper = engine.stepper(machine, Json.NODES.objectNode(), Fixtures.options());
      Scheduler scheduler = new Scheduler();
      Step s = stepper.step(new StepInput.Start());
      while (true) {
        whole.addAll(s.events());
        scheduler.carryOut(s);
        stepEnds.add(whole.size());
        outstandingAfter.add(scheduler.outstanding());
        if (stepper.status() != ExecutionStatus.RUNNING) {
          break;
        }
        s = stepper.step(scheduler.next(clock));
      }
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      record = stepper.record();
    }
    assertThat(stepEnds.size()).as("steps").isGreaterThan(6);

    for (int cut = 0; cut < stepEnds.size() - 1; cut++) {
      List<HistoryEvent> stored = whole.subList(0, stepEnds.get(cut));
      ManualClock later = new ManualClock();
      later.millis = stored.get(stored.size() - 1).timestamp();
      try (Engine fresh = Engine.builder().clock(later).region("eu-west-1").build()) {
        Restored restored = fresh.restore(machine, record, stored, List.of());
        assertThat(restored.outstanding().events()).as("events past a history cut where a step ended").isEmpty();
        Set<Command> outstanding = new HashSet<>(restored.outstanding().commands());
        assertThat(outstanding).as("outstanding after step %d", cut).isEqualTo(outstandingAfter.get(cut));

        Scheduler scheduler = new Scheduler();
        scheduler.carryOut(restored.outstanding());
        scheduler.publishes = (int) stored.stream().filter(e -> e.type() == io.stepwise.engine.history.EventType.TaskFailed).count();
        List<HistoryEvent> resumed = new ArrayList<>(stored);
        Stepper stepper = restored.stepper();
        while (stepper.status() == ExecutionStatus.RUNNING) {
          Step s = stepper.step(scheduler.next(later));
          resumed.addAll(s.events());
          scheduler.carryOut(s);
        }
        assertThat(resumed).as("history when restored after step %d", cut).isEqualTo(whole);
      }
    }
  }

  @Test
  void aHistoryThatEndsMidStepIsCompletedByTheRestoreWithTheEventsItAdds() {
    StateMachine machine = Fixtures.machine(MACHINE);
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(machine, Json.NODES.objectNode(), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      // only ExecutionStarted was stored: the rest of the first step is given back as new events
      Restored restored = engine.restore(machine, stepper.record(), first.events().subList(0, 1), List.of());
      assertThat(restored.outstanding().events()).isEqualTo(first.events().subList(1, first.events().size()));
      assertThat(new HashSet<>(restored.outstanding().commands())).isEqualTo(new HashSet<>(first.commands()));
    }
  }
}
