package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What logs and metrics learn of executions run in memory (Express, StartSyncExecution): every
 * event of every step, in the history's order, each once, and an observer that throws changes
 * nothing for the execution or the other observers.
 */
class StepObserverTest {
  private static final String MACHINE = """
      {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":5,"Next":"Work"},
        "Work":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}""";

  @Test
  void observersSeeEveryEventOfStartedAndRunExecutionsOnceInOrder() throws Exception {
    try (Engine engine = Fixtures.engine().invoker("arn:aws:states:::aws-sdk:shop:price", in -> Json.parse("{\"p\":1}")).build()) {
      List<HistoryEvent> seen = new ArrayList<>();
      List<String> arns = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      engine.observe((arn, events, redrives) -> {
        throw new IllegalStateException("a broken observer");
      });
      engine.observe((arn, events, redrives) -> {
        synchronized (seen) {
          assertThat(events).isNotEmpty();
          seen.addAll(events);
          arns.add(arn);
          steps.add(events.size());
        }
      });
      Started started = engine.start(Fixtures.machine(MACHINE), Json.parse("{}"), Fixtures.options());
      ExecutionResult result = started.result().get(10, TimeUnit.SECONDS);

      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(seen).containsExactlyElementsOf(result.events());
      assertThat(steps).hasSizeGreaterThan(1); // the wait and the task each end a step
      assertThat(arns).containsOnly(started.executionArn());

      seen.clear();
      ExecutionResult run = engine.run(Fixtures.machine(MACHINE), "{}", RunOptions.defaults().withNames("Test", "exec-2"));
      assertThat(seen).containsExactlyElementsOf(run.events());
    }
  }
}
