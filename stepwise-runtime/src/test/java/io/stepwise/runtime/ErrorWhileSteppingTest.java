package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Store;
import io.stepwise.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM can fail while an execution steps (memory running out in a Distributed Map of 100,000
 * children is the case seen): the input being stepped must not die with its thread. The actor
 * answers it, goes on draining, and the child's end is offered again on the execution as stored,
 * so the Map Run still ends instead of waiting for ever for a child that has ended.
 */
class ErrorWhileSteppingTest {
  @TempDir Path dir;
  private Store store;
  private Engine engine;
  private DurableRuntime runtime;

  @AfterEach
  void close() throws Exception {
    runtime.close();
    engine.close();
    ((AutoCloseable) store).close();
  }

  /** The system clock, except that it throws OutOfMemoryError the first {@code failures} times a parent steps a child's end. */
  private static final class FailingWhileParentHearsChild implements InstantSource {
    final AtomicInteger failed = new AtomicInteger();
    private final int failures;

    FailingWhileParentHearsChild(int failures) {
      this.failures = failures;
    }

    @Override
    public Instant instant() {
      boolean inChildEnd = StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("childExecutionEnded")));
      if (inChildEnd && failed.get() < failures && failed.incrementAndGet() <= failures) {
        throw new OutOfMemoryError("Java heap space (injected by the test)");
      }
      return Instant.now();
    }
  }

  @Test
  void aChildsEndThatFailedToStepWithAnErrorIsOfferedAgainAndTheRunEnds() throws Exception {
    FailingWhileParentHearsChild clock = new FailingWhileParentHearsChild(2);
    store = SqliteStore.open(dir.resolve("stepwise.db"));
    engine = Engine.builder().clock(clock).build();
    runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), InstantSource.system(), 10_000, 500);
    StateMachine m = StateMachineParser.parse("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":2,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
            "StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"twice.$":"States.MathAdd($, $)"},"End":true}}},
          "End":true}}}""");
    String arn = runtime.start(m, RunOptions.defaults().withNames("Doubles", "d1"), Json.parse("[1,2,3,4]")).executionArn();

    ExecutionRow row = awaitEnd(arn);
    assertThat(clock.failed.get()).as("the injected errors were thrown").isEqualTo(2);
    assertThat(row.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(row.output()).isEqualTo("[{\"twice\":2},{\"twice\":4},{\"twice\":6},{\"twice\":8}]");
  }

  private ExecutionRow awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 1500; i++) {
      ExecutionRow row = store.execution(arn).orElseThrow();
      if (row.status() != ExecutionStatus.RUNNING) {
        return row;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(arn + " did not end: " + store.execution(arn));
  }
}
