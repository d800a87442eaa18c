package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.history.EventType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** AWS's longest runs: Express five minutes, Standard one year, on the engine's clock. */
class DurationLimitsTest {
  private static final String LOOP = """
      {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"C"}],"Default":"D"},
        "D":{"Type":"Succeed"}}}
      """;

  private static String waits(int... seconds) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < seconds.length; i++) {
      states.append(i == 0 ? "" : ",").append("\"W").append(i).append("\":{\"Type\":\"Wait\",\"Seconds\":").append(seconds[i])
          .append(i == seconds.length - 1 ? ",\"End\":true}" : ",\"Next\":\"W" + (i + 1) + "\"}");
    }
    return "{\"StartAt\":\"W0\",\"States\":{" + states + "}}";
  }

  private static ExecutionResult run(Engine engine, String definition, ExecutionType type) {
    return engine.run(Fixtures.machine(definition), "{\"x\":1}", Fixtures.options().withType(type));
  }

  @Test
  void anExpressExecutionTimesOutAfterFiveMinutes() {
    ExecutionResult r = run(Fixtures.engine().build(), waits(600), ExecutionType.EXPRESS);
    assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(r.error()).isEqualTo("States.Timeout");
    assertThat(r.cause()).contains("5 minutes");
    assertThat(Fixtures.types(r)).endsWith(EventType.ExecutionTimedOut);
    assertThat(r.events().get(r.events().size() - 1).timestamp() - r.events().get(0).timestamp()).isEqualTo(300_000);
  }

  @Test
  void anExpressExecutionWithinFiveMinutesSucceeds() {
    assertThat(run(Fixtures.engine().build(), waits(299), ExecutionType.EXPRESS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aStandardExecutionTimesOutAfterOneYear() {
    int days200 = 200 * 24 * 3600;
    ExecutionResult r = run(Fixtures.engine().build(), waits(days200, days200), ExecutionType.STANDARD);
    assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(r.error()).isEqualTo("States.Timeout");
    assertThat(r.cause()).contains("one year");
    assertThat(run(Fixtures.engine().build(), waits(days200), ExecutionType.STANDARD).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void theStateMachinesOwnShorterTimeoutStillComesFirst() {
    String def = waits(600).replace("{\"StartAt\"", "{\"TimeoutSeconds\":10,\"StartAt\"");
    ExecutionResult r = run(Fixtures.engine().build(), def, ExecutionType.EXPRESS);
    assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(r.error()).isNull(); // as AWS reports a TimeoutSeconds time-out
  }

  @Test
  void anExpressLoopOfStatesEndsWithinBoundedMemory() {
    ExecutionResult r = run(Fixtures.engine().build(), LOOP, ExecutionType.EXPRESS);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("1000000 history events");
    assertThat(r.events()).hasSize(1_000_000);
  }

  @Test
  void anExpressLoopThatTakesTimeEndsAtFiveMinutesEvenBetweenTimers() {
    // a clock that moves 10 s every read (the engine reads it every few thousand events in a run of
    // states): the loop passes five minutes long before the event bound
    AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    InstantSource slow = () -> Instant.ofEpochMilli(now.addAndGet(10_000));
    ExecutionResult r = run(Fixtures.engine().clock(slow).fastTime(false).build(), LOOP, ExecutionType.EXPRESS);
    assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(r.error()).isEqualTo("States.Timeout");
    assertThat(r.events().size()).isLessThan(1_000_000);
  }

  @Test
  void aStandardLoopStillEndsAtAwsEventLimit() {
    ExecutionResult r = run(Fixtures.engine().build(), LOOP, ExecutionType.STANDARD);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.events()).hasSize(25_000);
  }
}
