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

  /** The record as if the execution had run the other definition: what a history made elsewhere, or by an older Stepwise, amounts to. */
  private static ExecutionRecord sameDefinitionRecord(ExecutionResult r, String definition) {
    ExecutionRecord x = r.record();
    return new ExecutionRecord(x.executionArn(), x.executionName(), x.stateMachineArn(), x.stateMachineName(), x.type(), x.synchronous(),
        x.payloadLimit(), Fixtures.machine(definition).definitionSha256());
  }

  @Test
  void anExecutionIsNotResumedUnderAnotherDefinition() {
    ExecutionResult thirty = Fixtures.engine().build().run(Fixtures.machine(waiting(30)), "{}", Fixtures.options());
    assertThatThrownBy(() -> Fixtures.engine().build().resume(Fixtures.machine(waiting(90)), thirty.record(), thirty.events()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs the definition with SHA-256 " + Fixtures.machine(waiting(30)).definitionSha256())
        .hasMessageContaining("resumed only under its own definition");
  }

  @Test
  void aHistoryMadeByAThirtySecondWaitDoesNotReplayAgainstANinetySecondOne() {
    ExecutionResult thirty = Fixtures.engine().build().run(Fixtures.machine(waiting(30)), "{}", Fixtures.options());
    assertThatThrownBy(() -> Fixtures.engine().build().resume(Fixtures.machine(waiting(90)), sameDefinitionRecord(thirty, waiting(90)), thirty.events()))
        .isInstanceOf(ReplayMismatchException.class)
        .hasMessageContaining("before the execution's next timer (WAIT) is due");
  }

  @Test
  void theSameDefinitionReplaysItsOwnWaits() {
    ExecutionResult thirty = Fixtures.engine().build().run(Fixtures.machine(waiting(30)), "{}", Fixtures.options());
    ExecutionResult again = Fixtures.engine().build().resume(Fixtures.machine(waiting(30)), thirty.record(), thirty.events());
    assertThat(again.events()).isEqualTo(thirty.events());
  }
}
