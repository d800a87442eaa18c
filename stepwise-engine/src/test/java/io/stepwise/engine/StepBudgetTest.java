package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A step does a bounded share of work, so a runaway execution gives its thread back between steps. */
class StepBudgetTest {
  private static final String LOOP = """
      {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"P"}],"Default":"D"},
        "P":{"Type":"Pass","Next":"C"},"D":{"Type":"Succeed"}}}""";

  @Test
  void aLoopOfStatesYieldsEveryTenThousandEvents() {
    try (Engine engine = Fixtures.engine().build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(LOOP), Engine.parseInput("{\"x\":1}"), Fixtures.options());
      // a step stops at the first state boundary once it has recorded 10,000 events
      Step first = stepper.step(new StepInput.Start());
      assertThat(first.events()).hasSizeBetween(10_000, 10_001);
      assertThat(first.commands()).contains(new Command.Continue());
      Step second = stepper.step(new StepInput.Continue());
      assertThat(second.events()).hasSizeBetween(10_000, 10_001);
      long next = first.events().size() + 1;
      assertThat(second.events().get(0).id()).isEqualTo(next);
      assertThat(second.events().get(0).previousEventId()).isEqualTo(next - 1);
    }
  }

  @Test
  void theInMemoryDriverGoesOnUntilTheLimitAndTheHistoryIsTheSame() {
    AtomicInteger steps = new AtomicInteger();
    ExecutionResult r = Fixtures.engine().build()
        .run(Fixtures.machine(LOOP), Engine.parseInput("{\"x\":1}"), Fixtures.options(), n -> steps.incrementAndGet() > 0);
    assertThat(r.error()).isEqualTo("States.Runtime"); // AWS's 25,000-event limit
    assertThat(r.events()).hasSize(25_000);
    assertThat(steps.get()).isEqualTo(3);
    ExecutionResult resumed = Fixtures.engine().build().resume(Fixtures.machine(LOOP), r.record(), r.events().subList(0, 12_345));
    assertThat(resumed.events()).isEqualTo(r.events());
  }
}
