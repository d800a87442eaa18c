package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.engine.task.TaskFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's children are child executions: each has its own ARN, record and history,
 * is started by a command and ends by an input, and the parent's history records nothing of them
 * (as AWS's does not). The child's context names the child execution and the child state
 * machine {@code PARENT/LABEL} (inferred from AWS's ARNs; no recorded case shows it).
 */
class DistributedMapChildrenTest {
  private static String machine(int maxConcurrency, String executionType, String toleratedFailures) {
    return """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Orders","MaxConcurrency":%d,%s
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},
            "StartAt":"Ship","States":{"Ship":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:ship",
              "Parameters":{"item.$":"$","exec.$":"$$.Execution.Id","machine.$":"$$.StateMachine.Name"},"End":true}}},
          "End":true}}}""".formatted(maxConcurrency, toleratedFailures, executionType);
  }

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

  private static StepInput.ChildExecutionEnded succeeded(Command.StartChildExecution c) {
    return new StepInput.ChildExecutionEnded(c.record().executionArn(), ExecutionStatus.SUCCEEDED, c.input(), null, null);
  }

  @Test
  void eachItemIsAChildExecutionWithItsOwnArnAndHistory() {
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:t:ship", req -> req.input()).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(machine(0, "STANDARD", "")), items(3), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Fixtures.types(r)).containsExactly(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
          EventType.MapRunStarted, EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited,
          EventType.ExecutionSucceeded);
      assertThat(r.children()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        JsonNode out = r.output().get(i);
        ExecutionResult child = r.children().stream().filter(c -> c.executionArn().equals(out.get("exec").asText())).findFirst().orElseThrow();
        assertThat(child.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:execution:Test/Orders:");
        assertThat(child.record().stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:Test/Orders");
        assertThat(out.get("machine").asText()).isEqualTo("Test/Orders");
        assertThat(out.get("item").asInt()).isEqualTo(i);
        assertThat(child.events().stream().map(HistoryEvent::type)).containsExactly(EventType.ExecutionStarted,
            EventType.TaskStateEntered, EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded,
            EventType.TaskStateExited, EventType.ExecutionSucceeded);
        assertThat(child.events().get(0).id()).isEqualTo(1);
      }
      assertThat(r.childEndings()).hasSize(3).allSatisfy(e -> assertThat(e.afterEvents()).isEqualTo(4));
    }
  }

  @Test
  void expressChildrenHaveExpressArns() {
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:t:ship", req -> req.input()).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(machine(0, "EXPRESS", "")), items(1), Fixtures.options());
      assertThat(r.children().get(0).executionArn()).matches("arn:aws:states:us-east-1:111111111111:express:Test/Orders:[0-9a-f-]{36}:[0-9a-f-]{36}");
      assertThat(r.children().get(0).record().type()).isEqualTo(ExecutionType.EXPRESS);
    }
  }

  @Test
  void throughTheStepCallChildrenStartByCommandAndEndByInputWithinMaxConcurrency() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(machine(2, "STANDARD", "")), items(3), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      List<Command.StartChildExecution> two = started(first);
      assertThat(two).extracting(Command.StartChildExecution::index).containsExactly(0, 1);
      assertThat(two.get(0).mapRunArn()).startsWith("arn:aws:states:us-east-1:111111111111:mapRun:Test/Orders:");

      Step afterOne = stepper.step(succeeded(two.get(1)));
      assertThat(afterOne.events()).as("the parent's history records nothing of a child").isEmpty();
      assertThat(started(afterOne)).extracting(Command.StartChildExecution::index).containsExactly(2);
      assertThatThrownBy(() -> stepper.step(succeeded(two.get(1))))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("is running: it ended");

      stepper.step(succeeded(two.get(0)));
      Step last = stepper.step(succeeded(started(afterOne).get(0)));
      assertThat(last.events().stream().map(HistoryEvent::type)).startsWith(EventType.MapRunSucceeded);
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(stepper.childEndings()).extracting(e -> ((io.stepwise.engine.step.StepInput.ChildExecutionEnded) e.input()).executionArn())
          .containsExactly(two.get(1).record().executionArn(), two.get(0).record().executionArn(),
              started(afterOne).get(0).record().executionArn());
    }
  }

  @Test
  void aStepperWhoseCallerStoresItsInputsKeepsNoneOfTheChildrensEndsAndStillGivesTheirResults() throws Exception {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(machine(3, "STANDARD", "")), items(3), Fixtures.options()).storesInputsItself();
      List<Command.StartChildExecution> all = started(stepper.step(new StepInput.Start()));
      Step last = null;
      for (int i = 2; i >= 0; i--) {
        last = stepper.step(new StepInput.ChildExecutionEnded(all.get(i).record().executionArn(), ExecutionStatus.SUCCEEDED,
            Json.parse("{\"n\":" + i + ",\"big\":12345678901234567890.5}"), null, null));
      }
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(stepper.childEndings()).isEmpty();
      // each child's result was kept as text and read back, in the children's order, numbers exact
      JsonNode output = last.events().stream().filter(e -> e.type() == EventType.ExecutionSucceeded)
          .map(e -> ((io.stepwise.engine.history.EventDetails.ExecutionSucceeded) e.details()).output()).findFirst().orElseThrow();
      assertThat(output).isEqualTo(Json.parse(
          "[{\"n\":0,\"big\":12345678901234567890.5},{\"n\":1,\"big\":12345678901234567890.5},{\"n\":2,\"big\":12345678901234567890.5}]"));
    }
  }

  @Test
  void aFailureMoreThanTheRunToleratesStopsTheChildrenStillRunning() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(machine(3, "STANDARD", "")), items(3), Fixtures.options());
      List<Command.StartChildExecution> all = started(stepper.step(new StepInput.Start()));
      Step failed = stepper.step(new StepInput.ChildExecutionEnded(all.get(0).record().executionArn(), ExecutionStatus.FAILED, null,
          "Ship.Lost", "in transit"));
      assertThat(failed.commands()).contains(new Command.StopChildExecution(all.get(1).record().executionArn()),
          new Command.StopChildExecution(all.get(2).record().executionArn()));
      assertThat(failed.events().stream().map(HistoryEvent::type)).startsWith(EventType.MapRunFailed);
      assertThat(stepper.status()).isEqualTo(ExecutionStatus.FAILED);
    }
  }

  @Test
  void theInMemoryDriverStopsAChildThatStillRunsWhenTheRunFails() {
    // item 0 fails at once; item 1's task hangs until it is interrupted
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:t:ship", req -> {
      if (req.input().get("item").asInt() == 0) {
        throw new TaskFailure("Ship.Lost", "in transit");
      }
      Thread.sleep(60_000);
      return req.input();
    }).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(machine(2, "STANDARD", "")), items(2), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
      assertThat(r.children()).extracting(ExecutionResult::status)
          .containsExactlyInAnyOrder(ExecutionStatus.FAILED, ExecutionStatus.ABORTED);
    }
  }

  @Test
  void aResumedParentTakesItsChildrensEndsFromTheStoredEndingsAndStartsNoChildAgain() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:t:ship", req -> {
      calls.incrementAndGet();
      return req.input();
    }).build()) {
      io.stepwise.asl.model.StateMachine m = Fixtures.machine(machine(1, "STANDARD", ""));
      ExecutionResult whole = engine.run(m, items(3), Fixtures.options());
      int before = calls.get();
      ExecutionResult again = engine.resume(m, whole.record(), whole.events().subList(0, 4), whole.childEndings());
      assertThat(again.events()).isEqualTo(whole.events());
      assertThat(again.output()).isEqualTo(whole.output());
      assertThat(calls.get()).as("tasks called by the resumed parent's children").isEqualTo(before);
    }
  }

}
