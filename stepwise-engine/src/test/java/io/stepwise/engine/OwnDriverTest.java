package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.ItemProcessors;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a server does with the engine: drive executions itself through the step call, invoke
 * tasks with {@code Engine.invoke}, start Distributed Map children with {@code Engine.stepper(child,
 * start)}, and rebuild a child's state machine from its parent's after a crash.
 */
class OwnDriverTest {
  private static final String MACHINE = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"Lines","MaxConcurrency":2,"End":true,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}}}}""";

  private final Map<String, List<HistoryEvent>> histories = new TreeMap<>();
  private final Map<String, ExecutionRecord> records = new TreeMap<>();

  /** Drives one execution to its end: tasks at once, children depth first, timers in due order. */
  private ExecutionStatus drive(Engine engine, Stepper stepper, StepInput first) {
    ArrayDeque<StepInput> inputs = new ArrayDeque<>(List.of(first));
    TreeMap<Long, Command.StartTimer> timers = new TreeMap<>();
    List<HistoryEvent> history = histories.computeIfAbsent(stepper.executionArn(), a -> new ArrayList<>());
    records.put(stepper.executionArn(), stepper.record());
    while (stepper.status() == ExecutionStatus.RUNNING) {
      if (inputs.isEmpty()) {
        Command.StartTimer t = timers.pollFirstEntry().getValue();
        inputs.add(new StepInput.TimerFired(t.timerId()));
      }
      Step s = stepper.step(inputs.poll());
      history.addAll(s.events());
      for (Command c : s.commands()) {
        switch (c) {
          case Command.ScheduleTask t -> inputs.add(engine.invoke(t));
          case Command.StartChildExecution child -> {
            Stepper childStepper = engine.stepper(child, Fixtures.CLOCK.millis());
            ExecutionStatus end = drive(engine, childStepper, new StepInput.Start());
            JsonNode out = end == ExecutionStatus.SUCCEEDED ? outputOf(histories.get(child.record().executionArn())) : null;
            inputs.add(new StepInput.ChildExecutionEnded(child.record().executionArn(), end, out, null, null));
          }
          case Command.StartTimer t -> timers.put(t.timerId(), t);
          case Command.CancelTimer t -> timers.remove(t.timerId());
          case Command.Continue k -> inputs.addFirst(new StepInput.Continue());
          default -> { }
        }
      }
    }
    return stepper.status();
  }

  private static JsonNode outputOf(List<HistoryEvent> history) {
    return Json.NODES.objectNode().set("events", Json.NODES.numberNode(history.size()));
  }

  @Test
  void aServerLikeDriverRunsParentAndChildrenAndCanRebuildAChildAfterACrash() {
    StateMachine machine = Fixtures.machine(MACHINE);
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:shop:price", r -> r.input()).build()) {
      Stepper parent = engine.stepper(machine, Json.parse("[1,2,3]"), Fixtures.options());
      assertThat(drive(engine, parent, new StepInput.Start())).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(histories).hasSize(4); // the parent and its three children, each with its own history

      String childArn = histories.keySet().stream().filter(a -> a.contains(":Test/Lines:")).findFirst().orElseThrow();
      ExecutionRecord child = records.get(childArn);
      StateMachine rebuilt = ItemProcessors.of(machine, "Each");
      assertThat(rebuilt.definitionSha256()).isEqualTo(child.definitionSha256());
      // a crash after the child's first step: restored from its own record and history under the rebuilt machine
      List<HistoryEvent> stored = histories.get(childArn).subList(0, 3);
      Restored r = engine.restore(rebuilt, child, stored, List.of());
      assertThat(r.outstanding().commands()).anySatisfy(c -> assertThat(c).isInstanceOf(Command.ScheduleTask.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
