package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.model.StateMachine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A resumed execution keeps what it drew at the start: its ARN and the seed of its randomness. */
class ResumeIdentityTest {
  @Test
  void anExpressExecutionResumedUnderItsArnDrawsTheSameValuesWhateverTheClockDid() {
    // a clock that moves on every read: the seed must come from the recorded start time
    AtomicLong now = new AtomicLong(1_767_225_600_000L);
    InstantSource ticking = () -> Instant.ofEpochMilli(now.incrementAndGet());
    StateMachine machine = Fixtures.machine("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"id.$":"States.UUID()","arn.$":"$$.Execution.Id"},"Next":"W"},
          "W":{"Type":"Wait","Seconds":1,"End":true}}}""");
    RunOptions express = Fixtures.options().withType(ExecutionType.EXPRESS);
    ExecutionResult whole = Fixtures.engine().clock(ticking).build().run(machine, Engine.parseInput("{}"), express);
    assertThat(whole.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    ExecutionResult resumed = Fixtures.engine().clock(ticking).build()
        .resume(machine, whole.record(), whole.events().subList(0, 3));
    assertThat(resumed.output()).isEqualTo(whole.output());
    assertThat(resumed.output().get("arn").asText()).isEqualTo(whole.executionArn());
  }
}
