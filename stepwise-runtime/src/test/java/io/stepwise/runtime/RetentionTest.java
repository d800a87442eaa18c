package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Store;
import io.stepwise.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention deletes what ended longer ago than it keeps, by the injected clock, and never a running execution. */
class RetentionTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final Store store = new InMemoryStore();
  private final Engine engine = Engine.builder().clock(clock).build();
  private final DurableRuntime runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), clock, 1_000, 100);

  @AfterEach
  void close() {
    runtime.close();
    engine.close();
  }

  private String run(String name, String definition) throws InterruptedException {
    String arn = runtime.start(StateMachineParser.parse(definition), RunOptions.defaults().withNames("Kept", name), Json.NODES.objectNode())
        .executionArn();
    return arn;
  }

  private static final String PASS = """
      {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
  private static final String WAITS = """
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":25920000,"End":true}}}""";

  @Test
  void whatEndedLongerAgoThanTheRetentionIsDeletedAndTheRestStays() throws Exception {
    String old = run("old", PASS);
    String waiting = run("waiting", WAITS);
    now.set(now.get().plus(Duration.ofDays(10)));
    String recent = run("recent", PASS);
    Retention retention = new Retention(store, clock, Duration.ofDays(30), Duration.ZERO);

    assertThat(retention.purgeNow()).isZero();
    now.set(now.get().plus(Duration.ofDays(21))); // old ended 31 days ago, recent 21
    assertThat(retention.purgeNow()).isEqualTo(1);
    assertThat(store.execution(old)).isEmpty();
    assertThat(store.history(old)).isEmpty();
    assertThat(store.execution(recent)).isPresent();
    assertThat(store.execution(waiting).map(ExecutionRow::status)).contains(ExecutionStatus.RUNNING);

    now.set(now.get().plus(Duration.ofDays(3650)));
    assertThat(retention.purgeNow()).isEqualTo(1);
    assertThat(store.execution(waiting)).as("a running execution is never purged").isPresent();
    // the name is free again, as on AWS once the old execution is gone
    assertThat(run("old", PASS)).isEqualTo(old);
  }

  @Test
  void aPurgeGoesInBatchesUntilNothingIsDue() throws Exception {
    for (int i = 0; i < Retention.BATCH * 2 + 7; i++) {
      run("e" + i, PASS);
    }
    now.set(now.get().plus(Duration.ofDays(91)));
    assertThat(new Retention(store, clock, Duration.ofDays(90), Duration.ofMillis(1)).purgeNow()).isEqualTo(Retention.BATCH * 2 + 7);
    assertThat(store.executions(io.stepwise.store.ExecutionQuery.stateMachine(
        "arn:aws:states:us-east-1:123456789012:stateMachine:Kept")).items()).isEmpty();
  }

  @Test
  void thePeriodicPurgeRunsOnItsOwnThread() throws Exception {
    String old = run("periodic", PASS);
    now.set(now.get().plus(Duration.ofHours(2)));
    try (Retention retention = new Retention(store, clock, Duration.ofHours(1), Duration.ZERO).start(Duration.ofMillis(20))) {
      for (int i = 0; i < 250 && store.execution(old).isPresent(); i++) {
        Thread.sleep(20);
      }
      assertThat(store.execution(old)).isEmpty();
    }
  }

  @Test
  void theRetentionMustBePositive() {
    assertThatThrownBy(() -> new Retention(store, clock, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
