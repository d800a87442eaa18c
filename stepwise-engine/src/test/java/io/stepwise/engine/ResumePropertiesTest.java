package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.history.HistoryReader;
import io.stepwise.engine.task.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Durability over generated machines: an execution cut after any step, its history stored as JSON
 * and read back, and resumed in a fresh engine, ends exactly as the uninterrupted run did.
 */
class ResumePropertiesTest {
  private static Engine engine() {
    return Fixtures.engine().invoker(GeneratedMachines.RESOURCE, r -> {
      String state = r.stateName();
      int attempt = r.context().get("State").get("RetryCount").asInt();
      String outcome = GeneratedMachines.outcome(state, attempt, r.input().path("timed").asBoolean());
      switch (outcome) {
        case "fail" -> throw new TaskFailure("Gen.Flaky", state + " attempt " + attempt);
        case "late" -> Thread.sleep(2_000); // past TimeoutSeconds once fast time leaps to it (interrupted then)
        default -> { }
      }
      return Json.NODES.objectNode().put("n", r.input().path("n").asInt() + 1).set("items", r.input().path("items"));
    }).build();
  }

  @Property(tries = 100)
  void aRunCutAfterAnyStepResumesToTheSameEnd(@ForAll long seed) {
    String definition = new GeneratedMachines(seed).machine();
    StateMachine machine = Fixtures.machine(definition);
    JsonNode input = Engine.parseInput("{\"n\":0,\"items\":[1,2,3]}");
    List<Integer> steps = new ArrayList<>();
    ExecutionResult whole;
    try (Engine e = engine()) {
      whole = e.run(machine, input, Fixtures.options(), steps::add);
    }
    assertThat(whole.status()).as(definition).isNotEqualTo(ExecutionStatus.RUNNING);
    net.jqwik.api.statistics.Statistics.label("status").collect(whole.status());
    net.jqwik.api.statistics.Statistics.label("steps").collect(steps.size() < 5 ? "1-4" : steps.size() < 15 ? "5-14" : "15+");
    for (int cut = 0; cut < steps.size() - 1; cut++) {
      int stopAfter = cut;
      AtomicInteger seen = new AtomicInteger();
      List<HistoryEvent> stored;
      ExecutionRecord record;
      try (Engine e = engine()) {
        ExecutionResult crashed = e.run(machine, input, Fixtures.options(), n -> seen.getAndIncrement() < stopAfter);
        stored = HistoryReader.read(Json.NODES.arrayNode().addAll(HistoryJson.toJson(crashed.events())));
        record = crashed.record();
      }
      ExecutionResult resumed;
      try (Engine e = engine()) {
        resumed = e.resume(machine, record, stored);
      }
      assertThat(firstDifference(resumed.events(), whole.events())).as("cut after step %d of %s", cut, definition).isNull();
      assertThat(resumed.status()).isEqualTo(whole.status());
      assertThat(resumed.output()).isEqualTo(whole.output());
    }
  }

  /** Where two histories first differ, for a readable failure; null when they are the same. */
  private static String firstDifference(List<HistoryEvent> actual, List<HistoryEvent> expected) {
    for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
      HistoryEvent a = i < actual.size() ? actual.get(i) : null;
      HistoryEvent e = i < expected.size() ? expected.get(i) : null;
      if (a == null || !a.equals(e)) {
        return "event " + (i + 1) + ": expected " + e + " but was " + a;
      }
    }
    return null;
  }
}
