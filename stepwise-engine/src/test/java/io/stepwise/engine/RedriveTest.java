package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.engine.task.TaskFailure;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RedriveExecution in the engine: an ended execution goes on from the states that did not
 * succeed, after an ExecutionRedriven event; what succeeded is not run again, and a replay of the
 * whole history makes the same decisions without calling anything.
 */
class RedriveTest {
  private static final String CHARGE = "arn:aws:states:::aws-sdk:shop:charge";
  private static final String LEFT = "arn:aws:states:::aws-sdk:t:left";
  private static final String RIGHT = "arn:aws:states:::aws-sdk:t:right";
  private static final String ITEM = "arn:aws:states:::aws-sdk:t:item";

  /** How often each resource was called, failing each call whose number is in {@code failing}. */
  private static final class Calls {
    final Map<String, AtomicInteger> count = new ConcurrentHashMap<>();

    io.stepwise.engine.task.TaskInvoker failing(String resource, int... failing) {
      return req -> {
        int n = count.computeIfAbsent(resource, r -> new AtomicInteger()).incrementAndGet();
        for (int f : failing) {
          if (f == n) {
            throw new TaskFailure("Shop.Down", "call " + n + " of " + req.stateName());
          }
        }
        return Json.NODES.objectNode().put("by", req.stateName()).put("call", n)
            .put("redrives", req.context().get("Execution").get("RedriveCount").asInt());
      };
    }

    int of(String resource) {
      AtomicInteger n = count.get(resource);
      return n == null ? 0 : n.get();
    }
  }

  private static List<EventType> typesAfterRedrive(ExecutionResult r) {
    List<EventType> all = Fixtures.types(r);
    return all.subList(all.lastIndexOf(EventType.ExecutionRedriven) + 1, all.size());
  }

  private static HistoryEvent first(ExecutionResult r, EventType type) {
    return r.events().stream().filter(e -> e.type() == type).findFirst().orElseThrow();
  }

  /** The history as a store keeps it: written as GetExecutionHistory's JSON and read back. */
  private static List<HistoryEvent> stored(ExecutionResult r) {
    return HistoryReader.read(HistoryJson.toJson(r.events()));
  }

  @Test
  void aFailedTaskIsScheduledAgainWithItsRetriesCountedAfreshAndWhatSucceededIsNotRunAgain() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Task","Resource":"%s","Next":"Charge"},
          "Charge":{"Type":"Task","Resource":"%s","Parameters":{"redrives.$":"$$.Execution.RedriveCount"},
            "Retry":[{"ErrorEquals":["Shop.Down"],"IntervalSeconds":1,"MaxAttempts":1}],"ResultPath":"$.charge","Next":"Done"},
          "Done":{"Type":"Pass","End":true}}}""".formatted(LEFT, CHARGE));
    Calls calls = new Calls();
    try (Engine engine = Fixtures.engine().invoker(LEFT, calls.failing(LEFT)).invoker(CHARGE, calls.failing(CHARGE, 1, 2, 3)).build()) {
      ExecutionResult failed = engine.run(machine, "{}", Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.error()).isEqualTo("Shop.Down");
      assertThat(calls.of(CHARGE)).isEqualTo(2);

      ExecutionResult redriven = engine.redrive(machine, failed.record(), stored(failed), failed.childEndings());
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(calls.of(LEFT)).as("Prepare succeeded: it does not run again").isEqualTo(1);
      assertThat(calls.of(CHARGE)).as("its retry, counted from 0 again, took the third failure").isEqualTo(4);
      assertThat(redriven.output().get("charge").get("redrives").asInt()).isEqualTo(1);
      assertThat(redriven.events().subList(0, failed.events().size())).as("the history is appended to").isEqualTo(failed.events());

      HistoryEvent again = redriven.events().get(failed.events().size());
      assertThat(again.type()).isEqualTo(EventType.ExecutionRedriven);
      assertThat(again.previousEventId()).isEqualTo(failed.events().size());
      assertThat(again.details()).isEqualTo(new EventDetails.ExecutionRedriven(1));
      assertThat(HistoryJson.toJson(again).get("executionRedrivenEventDetails").get("redriveCount").asInt()).isEqualTo(1);
      // the Task keeps its Entered event: it is scheduled again, not entered again
      assertThat(typesAfterRedrive(redriven)).containsExactly(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskFailed,
          EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded, EventType.TaskStateExited,
          EventType.PassStateEntered, EventType.PassStateExited, EventType.ExecutionSucceeded);
      assertThat(redriven.events().get(failed.events().size() + 1).previousEventId()).isEqualTo(again.id());
      EventDetails.TaskScheduled scheduled = (EventDetails.TaskScheduled) redriven.events().get(failed.events().size() + 1).details();
      assertThat(scheduled.parameters()).isEqualTo(Json.NODES.objectNode().put("redrives", 1));

      // replayed from its stored history, the redriven run decides the same and calls nothing
      ExecutionResult replayed = engine.resume(machine, redriven.record(), stored(redriven));
      assertThat(replayed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(HistoryJson.toJson(replayed.events())).isEqualTo(HistoryJson.toJson(redriven.events()));
      assertThat(calls.of(CHARGE)).isEqualTo(4);
    }
  }

  @Test
  void aChoiceIsEvaluatedAgainAndTheContextCountsTheRedrives() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Again","States":{
          "Again":{"Type":"Choice","Choices":[{"Variable":"$$.Execution.RedriveCount","NumericGreaterThanEquals":2,"Next":"Done"}]},
          "Done":{"Type":"Pass","Parameters":{"execution.$":"$$.Execution"},"End":true}}}""");
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult failed = engine.run(machine, "{}", Fixtures.options());
      assertThat(failed.error()).isEqualTo("States.NoChoiceMatched");

      ExecutionResult once = engine.redrive(machine, failed.record(), stored(failed), List.of());
      assertThat(once.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(typesAfterRedrive(once)).as("the Choice is not entered again").containsExactly(EventType.ExecutionFailed);

      ExecutionResult twice = engine.redrive(machine, once.record(), stored(once), List.of());
      assertThat(twice.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(first(twice, EventType.ExecutionRedriven).details()).isEqualTo(new EventDetails.ExecutionRedriven(1));
      assertThat(typesAfterRedrive(twice)).containsExactly(
          EventType.ChoiceStateExited, EventType.PassStateEntered, EventType.PassStateExited, EventType.ExecutionSucceeded);
      JsonNode execution = twice.output().get("execution");
      assertThat(execution.get("RedriveCount").asInt()).isEqualTo(2);
      HistoryEvent last = twice.events().get(Fixtures.types(twice).lastIndexOf(EventType.ExecutionRedriven));
      assertThat(execution.get("RedriveTime").asText()).isEqualTo(java.time.format.DateTimeFormatter
          .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(last.timestamp())));
      List<String> fields = new java.util.ArrayList<>();
      execution.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("Id", "Input", "StartTime", "Name", "RoleArn", "RedriveCount", "RedriveTime");
    }
  }

  @Test
  void aFailStateIsEnteredAgainAndFailsAgain() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Check","States":{"Check":{"Type":"Pass","Next":"Stop"},
          "Stop":{"Type":"Fail","Error":"Order.Invalid","Cause":"no such order"}}}""");
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult failed = engine.run(machine, "{}", Fixtures.options());
      ExecutionResult redriven = engine.redrive(machine, failed.record(), stored(failed), List.of());
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(redriven.error()).isEqualTo("Order.Invalid");
      assertThat(typesAfterRedrive(redriven)).containsExactly(EventType.FailStateEntered, EventType.ExecutionFailed);
    }
  }

  @Test
  void aParallelRunsAgainOnlyTheBranchesThatFailedOrWereAborted() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"%s","End":true}}},
          {"StartAt":"R","States":{"R":{"Type":"Task","Resource":"%s","End":true}}},
          {"StartAt":"Cool","States":{"Cool":{"Type":"Wait","Seconds":30,"Next":"Note"},
            "Note":{"Type":"Pass","Result":"cooled","End":true}}}]}}}""".formatted(LEFT, RIGHT));
    Calls calls = new Calls();
    try (Engine engine = Fixtures.engine().invoker(LEFT, calls.failing(LEFT)).invoker(RIGHT, calls.failing(RIGHT, 1)).build()) {
      ExecutionResult failed = engine.run(machine, "{}", Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(Fixtures.types(failed)).contains(EventType.WaitStateAborted, EventType.ParallelStateFailed);

      ExecutionResult redriven = engine.redrive(machine, failed.record(), stored(failed), List.of());
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(calls.of(LEFT)).isEqualTo(1);
      assertThat(calls.of(RIGHT)).isEqualTo(2);
      assertThat(redriven.output()).isEqualTo(Json.NODES.arrayNode()
          .add(Json.NODES.objectNode().put("by", "L").put("call", 1).put("redrives", 0))
          .add(Json.NODES.objectNode().put("by", "R").put("call", 2).put("redrives", 1))
          .add("cooled"));
      List<EventType> after = typesAfterRedrive(redriven);
      assertThat(after).doesNotContain(EventType.ParallelStateEntered, EventType.ParallelStateStarted, EventType.TaskStateEntered,
          EventType.WaitStateEntered);
      assertThat(after).containsSubsequence(EventType.TaskScheduled, EventType.TaskSucceeded, EventType.TaskStateExited,
          EventType.ParallelStateSucceeded, EventType.ParallelStateExited, EventType.ExecutionSucceeded);
      assertThat(after).contains(EventType.WaitStateExited, EventType.PassStateEntered);
      long redrivenAt = first(redriven, EventType.ExecutionRedriven).timestamp();
      HistoryEvent waited = first(redriven, EventType.WaitStateExited);
      assertThat(waited.timestamp() - redrivenAt).as("the Wait waits its Seconds again, from the redrive").isEqualTo(30_000);

      ExecutionResult replayed = engine.resume(machine, redriven.record(), stored(redriven));
      assertThat(HistoryJson.toJson(replayed.events())).isEqualTo(HistoryJson.toJson(redriven.events()));
      assertThat(calls.of(RIGHT)).isEqualTo(2);
    }
  }

  @Test
  void anInlineMapRunsAgainOnlyTheIterationsThatFailedOrNeverStarted() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"ItemsPath":"$.items","End":true,
          "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","End":true}}}}}}""".formatted(ITEM));
    Calls calls = new Calls();
    try (Engine engine = Fixtures.engine().invoker(ITEM, calls.failing(ITEM, 2)).build()) {
      ExecutionResult failed = engine.run(machine, "{\"items\":[1,2,3,4]}", Fixtures.options());
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(calls.of(ITEM)).as("the third and fourth never started").isEqualTo(2);

      ExecutionResult redriven = engine.redrive(machine, failed.record(), stored(failed), List.of());
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(calls.of(ITEM)).isEqualTo(5);
      List<Integer> byCall = new java.util.ArrayList<>();
      redriven.output().forEach(o -> byCall.add(o.get("call").asInt()));
      assertThat(byCall).as("each item's result, by the call that made it").containsExactly(1, 3, 4, 5);
      List<HistoryEvent> after = redriven.events().subList(failed.events().size() + 1, redriven.events().size());
      assertThat(after.stream().filter(e -> e.type() == EventType.MapIterationStarted)
          .map(e -> ((EventDetails.MapIteration) e.details()).index()).toList())
          .as("the failed iteration goes on where it was; those never started start").containsExactly(2, 3);
      assertThat(after.stream().filter(e -> e.type() == EventType.MapIterationSucceeded)
          .map(e -> ((EventDetails.MapIteration) e.details()).index()).toList()).containsExactly(1, 2, 3);
      assertThat(after.stream().map(HistoryEvent::type)).doesNotContain(EventType.MapStateEntered, EventType.MapStateStarted);

      ExecutionResult replayed = engine.resume(machine, redriven.record(), stored(redriven));
      assertThat(HistoryJson.toJson(replayed.events())).isEqualTo(HistoryJson.toJson(redriven.events()));
    }
  }

  @Test
  void anAbortedExecutionGoesOnFromItsWaitingTaskAndARestoreAfterTheRedriveGivesBackTheTask() {
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"token.$":"$$.Task.Token"},"TimeoutSeconds":60,"End":true}}}""");
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(machine, Json.NODES.objectNode(), Fixtures.options());
      Step started = stepper.step(new StepInput.Start());
      Step stopped = stepper.step(new StepInput.Stop("Ops.Cancel", "by hand"));
      assertThat(stopped.commands()).contains(new Command.Finish(ExecutionStatus.ABORTED));
      assertThat(stepper.redriveRefusal()).isNull();

      Step redriven = stepper.step(new StepInput.Redrive());
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(stepper.redriveCount()).isEqualTo(1);
      assertThat(redriven.events()).extracting(HistoryEvent::type)
          .containsExactly(EventType.ExecutionRedriven, EventType.TaskScheduled, EventType.TaskStarted);
      Command.ScheduleTask ask = redriven.commands().stream().filter(c -> c instanceof Command.ScheduleTask)
          .map(Command.ScheduleTask.class::cast).findFirst().orElseThrow();
      assertThat(redriven.commands()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(Command.StartTimer.class,
          t -> assertThat(t.kind()).isEqualTo(io.stepwise.engine.step.TimerKind.TASK_TIMEOUT)));
      assertThatThrownBy(() -> stepper.step(new StepInput.Redrive())).isInstanceOf(StepRefusedException.class)
          .hasMessage(RedriveRules.RUNNING);

      // a server that restarts now rebuilds the redriven execution and finds the task outstanding
      List<HistoryEvent> history = new java.util.ArrayList<>(started.events());
      history.addAll(stopped.events());
      history.addAll(redriven.events());
      Restored restored = engine.restore(machine, stepper.record(), HistoryReader.read(HistoryJson.toJson(history)), List.of());
      assertThat(restored.stepper().status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(restored.stepper().redriveCount()).isEqualTo(1);
      assertThat(restored.outstanding().events()).isEmpty();
      assertThat(restored.outstanding().commands()).contains(ask);
      Step done = restored.stepper().step(new StepInput.CallbackSucceeded(ask.request().taskToken(), Json.NODES.textNode("ok")));
      assertThat(done.commands()).contains(new Command.Finish(ExecutionStatus.SUCCEEDED));
    }
  }

  @Test
  void aTimedOutExecutionCountsItsTimeoutSecondsAgainFromTheRedrive() {
    StateMachine machine = Fixtures.machine("""
        {"TimeoutSeconds":5,"StartAt":"Ask","States":{"Ask":{"Type":"Task",
          "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"token.$":"$$.Task.Token"},"End":true}}}""");
    try (Engine engine = Fixtures.engine().build()) {
      ExecutionResult timedOut = engine.run(machine, "{}", Fixtures.options());
      assertThat(timedOut.status()).isEqualTo(ExecutionStatus.TIMED_OUT);

      ExecutionResult again = engine.redrive(machine, timedOut.record(), stored(timedOut), List.of());
      assertThat(again.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      assertThat(typesAfterRedrive(again)).containsExactly(EventType.TaskScheduled, EventType.TaskStarted, EventType.ExecutionTimedOut);
      long redrivenAt = first(again, EventType.ExecutionRedriven).timestamp();
      assertThat(again.events().get(again.events().size() - 1).timestamp() - redrivenAt)
          .as("the machine's TimeoutSeconds counts again from the redrive").isEqualTo(5_000);
    }
  }

  @Test
  void whatCannotBeRedrivenIsRefusedWithAwsReasonAndNothingIsRecorded() {
    StateMachine pass = Fixtures.machine("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    StateMachine fail = Fixtures.machine("{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\"}}}");
    MovableClock clock = new MovableClock();
    try (Engine engine = Fixtures.engine().clock(clock).build()) {
      ExecutionResult succeeded = engine.run(pass, "{}", Fixtures.options());
      assertThatThrownBy(() -> engine.redrive(pass, succeeded.record(), succeeded.events(), List.of()))
          .isInstanceOf(StepRefusedException.class).hasMessage("Execution is SUCCEEDED and cannot be redriven");

      ExecutionResult express = engine.run(fail, "{}", Fixtures.options().withType(ExecutionType.EXPRESS));
      assertThatThrownBy(() -> engine.redrive(fail, express.record(), express.events(), List.of()))
          .isInstanceOf(StepRefusedException.class).hasMessage(RedriveRules.EXPRESS);

      Stepper stepper = engine.stepper(fail, Json.NODES.objectNode(), Fixtures.options().withNames("Test", "late"));
      stepper.step(new StepInput.Start());
      clock.millis += RedriveRules.REDRIVABLE_MILLIS;
      assertThat(stepper.redriveRefusal()).as("on the 14th day it still may").isNull();
      clock.millis += 1;
      assertThatThrownBy(() -> stepper.step(new StepInput.Redrive())).isInstanceOf(StepRefusedException.class)
          .hasMessage("Execution redrivable period exceeded");
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(stepper.redriveCount()).isZero();
    }
  }

  private static final class MovableClock implements InstantSource {
    long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }
}
