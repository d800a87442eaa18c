package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import io.stepwise.store.memory.InMemoryStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the runtime tells its metrics: open executions, timers due, its queues, and each step's and commit's cost. */
class RuntimeStatsTest {
  private static final String CALLBACK = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""";

  /** A clock the test moves; the timer thread still waits real time, so a timer moved past due stays unfired. */
  private static final class ManualClock implements InstantSource {
    volatile long millis = System.currentTimeMillis();

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  private final Store store = new InMemoryStore();
  private final Engine engine = Engine.builder().invoker("arn:aws:states:::aws-sdk:shop:price", r -> Json.NODES.numberNode(42)).build();
  private DurableRuntime runtime;

  @AfterEach
  void close() {
    runtime.close();
    engine.close();
  }

  private static RunOptions named(String name) {
    return RunOptions.defaults().withNames("Shop", name);
  }

  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  @Test
  void aWaitingExecutionIsOpenThoughEvictedAndItsTimerIsDueOnceItsTimeHasComeUntilItFires() throws Exception {
    ManualClock clock = new ManualClock();
    // a horizon of two minutes holds the minute's Wait in memory (not the year's execution time limit)
    runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), clock, 10_000, 500, 120_000);
    StateMachine minute = StateMachineParser.parse("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
    runtime.start(minute, named("m"), Json.parse("{}"));

    RuntimeStats stats = runtime.stats();
    assertThat(runtime.executionsInMemory()).as("it waits as rows only").isZero();
    assertThat(stats.executionsOpen()).isEqualTo(1);
    eventually("its Wait's timer is held", () -> runtime.timersSet() == 1);
    assertThat(stats.timersDue()).isZero();

    clock.millis += 61_000; // due by the clock; the timer thread waits its real minute
    assertThat(stats.timersDue()).as("the Wait, not the execution's time limit").isEqualTo(1);
    assertThat(runtime.timersSet()).isEqualTo(1);
  }

  @Test
  void inputsQueuedBehindAStepBeingCarriedOutCountAsQueuedAndTheirExecutionAsReady() throws Exception {
    runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), InstantSource.system(), 10_000, 500);
    String arn = runtime.start(StateMachineParser.parse(CALLBACK), named("cb"), Json.parse("{}")).executionArn();
    String token = store.tasks(10, null).items().stream().map(TaskRow::taskToken).findFirst().orElseThrow();
    RuntimeStats stats = runtime.stats();
    eventually("nothing queued once the first step is carried out", () -> stats.executionsReady() == 0);
    assertThat(stats.inputsQueued()).isZero();

    // a step listener runs on the actor's thread: holding it holds the execution's mailbox
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    runtime.onStored((a, events, redrives) -> {
      held.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    var done = Json.parse("\"done\"");
    CompletableFuture<Void> success = CompletableFuture.runAsync(() -> runtime.sendSuccess(token, done));
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    runtime.deliver(arn, new StepInput.Heartbeat(token));
    runtime.deliver(arn, new StepInput.Heartbeat(token));
    assertThat(stats.inputsQueued()).isEqualTo(2);
    assertThat(stats.executionsReady()).isEqualTo(1);

    release.countDown();
    success.get(10, TimeUnit.SECONDS);
    eventually("the queue drained", () -> stats.inputsQueued() == 0 && stats.executionsReady() == 0);
    assertThat(store.execution(arn).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(stats.executionsOpen()).isZero();
    assertThat(stats.commitQueue()).isZero();
  }

  @Test
  void theListenerHearsEachStepAndEachCommitWithItsWrites() throws Exception {
    runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), InstantSource.system(), 10_000, 500);
    AtomicLong steps = new AtomicLong();
    AtomicLong stepNanos = new AtomicLong();
    AtomicLong commits = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    runtime.stats().listen(new RuntimeStats.Listener() {
      @Override
      public void stepped(long nanos) {
        steps.incrementAndGet();
        stepNanos.addAndGet(nanos);
      }

      @Override
      public void committed(long nanos, int n) {
        commits.incrementAndGet();
        writes.addAndGet(n);
      }
    });
    StateMachine task = StateMachineParser.parse("""
        {"StartAt":"Price","States":{"Price":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:shop:price","End":true}}}""");
    String arn = runtime.start(task, named("t"), Json.parse("{}")).executionArn();
    eventually("it ends", () -> store.execution(arn).orElseThrow().status() == ExecutionStatus.SUCCEEDED);

    assertThat(steps.get()).as("its start, and its task's result").isEqualTo(2);
    assertThat(stepNanos.get()).isPositive();
    long[] counted = runtime.commitsAndWrites();
    assertThat(commits.get()).isEqualTo(counted[0]);
    assertThat(writes.get()).isEqualTo(counted[1]).isEqualTo(2);
  }
}
