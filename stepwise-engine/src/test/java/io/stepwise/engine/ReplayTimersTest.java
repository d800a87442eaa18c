package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.run.ReplayMismatchException;
import org.junit.jupiter.api.Test;

/** Replay checks timers against the recording: a history made with other waits does not replay. */
class ReplayTimersTest {
  private static String waiting(int seconds) {
    return "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":" + seconds + ",\"Next\":\"P\"},"
        + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  }

  @Test
  void aHistoryMadeByAThirtySecondWaitDoesNotReplayAgainstANinetySecondOne() {
    ExecutionResult thirty = Fixtures.engine().build().run(Fixtures.machine(waiting(30)), "{}", Fixtures.options());
    assertThatThrownBy(() -> Fixtures.engine().build().resume(Fixtures.machine(waiting(90)), thirty.events(), Fixtures.options()))
        .isInstanceOf(ReplayMismatchException.class)
        .hasMessageContaining("before the execution's next timer (WAIT) is due");
  }

  @Test
  void theSameDefinitionReplaysItsOwnWaits() {
    ExecutionResult thirty = Fixtures.engine().build().run(Fixtures.machine(waiting(30)), "{}", Fixtures.options());
    ExecutionResult again = Fixtures.engine().build().resume(Fixtures.machine(waiting(30)), thirty.events(), Fixtures.options());
    assertThat(again.events()).isEqualTo(thirty.events());
  }
}
