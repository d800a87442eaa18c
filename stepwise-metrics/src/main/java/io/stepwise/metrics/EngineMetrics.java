package io.stepwise.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.runtime.RuntimeStats;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The durable runtime's own figures: gauges and counters read when scraped from what it counts
 * (executions in memory and open, timers set and due, its queues, group commits), and the cost of
 * each step and each commit as histograms, recorded as the runtime tells them ({@link RuntimeStats.Listener}).
 */
final class EngineMetrics {
  /** A step is microseconds (a whole ten-state execution about 3 µs to 30 µs); a slow one is a large Map's. */
  private static final Duration[] STEP_BUCKETS = buckets("PT0.00001S", "PT0.000025S", "PT0.00005S", "PT0.0001S", "PT0.00025S",
      "PT0.0005S", "PT0.001S", "PT0.0025S", "PT0.005S", "PT0.01S", "PT0.025S", "PT0.1S", "PT0.5S");
  /** A commit is an fsync (about 1 ms to 10 ms); a WAL checkpoint inside one makes the tail. */
  private static final Duration[] COMMIT_BUCKETS = buckets("PT0.0005S", "PT0.001S", "PT0.0025S", "PT0.005S", "PT0.01S", "PT0.025S",
      "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT5S");
  /** Writes per commit, up to the default most in one (1,000). */
  private static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

  private EngineMetrics() {}

  private static Duration[] buckets(String... iso) {
    return Stream.of(iso).map(Duration::parse).toArray(Duration[]::new);
  }

  static void bind(MeterRegistry registry, DurableRuntime runtime) {
    RuntimeStats stats = runtime.stats();
    Gauge.builder("stepwise.runtime.executions.in.memory", runtime, DurableRuntime::executionsInMemory)
        .description("Executions held in memory by the durable runtime (open, or waiting and not evicted)")
        .register(registry);
    Gauge.builder("stepwise.runtime.executions.open", stats, RuntimeStats::executionsOpen)
        .description("Standard executions RUNNING in the store, in memory or waiting as rows only")
        .register(registry);
    Gauge.builder("stepwise.runtime.executions.ready", stats, RuntimeStats::executionsReady)
        .description("Executions with an input queued, being stepped, or waiting for its step's commit")
        .register(registry);
    Gauge.builder("stepwise.runtime.inputs.queued", stats, RuntimeStats::inputsQueued)
        .description("Inputs (task results, callbacks, timers fired, stops) queued for executions and not yet stepped")
        .register(registry);
    Gauge.builder("stepwise.runtime.commit.queue", stats, RuntimeStats::commitQueue)
        .description("Writes waiting for a group commit")
        .register(registry);
    Gauge.builder("stepwise.runtime.timers", runtime, DurableRuntime::timersSet)
        .description("Timers set (Wait states, retries, task timeouts and heartbeats, execution time limits)")
        .register(registry);
    Gauge.builder("stepwise.runtime.timers.due", stats, RuntimeStats::timersDue)
        .description("Stored timers whose time has come and whose firing is not stored yet")
        .register(registry);
    FunctionCounter.builder("stepwise.runtime.commits", runtime, r -> r.commitsAndWrites()[0])
        .description("Group commits to the store")
        .register(registry);
    FunctionCounter.builder("stepwise.runtime.writes", runtime, r -> r.commitsAndWrites()[1])
        .description("Writes (stored steps and the like) the group commits held")
        .register(registry);
    FunctionCounter.builder("stepwise.runtime.commit.time", runtime, r -> r.commitsAndWrites()[2] / 1e9)
        .baseUnit("seconds")
        .description("Time spent committing to the store")
        .register(registry);

    Timer step = Timer.builder("stepwise.runtime.step.latency")
        .description("The engine's step of a stored execution: one input in, its events and commands out (not its commit)")
        .serviceLevelObjectives(STEP_BUCKETS)
        .register(registry);
    Timer commit = Timer.builder("stepwise.runtime.commit.latency")
        .description("One group commit to the store")
        .serviceLevelObjectives(COMMIT_BUCKETS)
        .register(registry);
    DistributionSummary batch = DistributionSummary.builder("stepwise.runtime.commit.writes")
        .description("Writes one group commit held")
        .serviceLevelObjectives(BATCH_BUCKETS)
        .register(registry);
    stats.listen(new RuntimeStats.Listener() {
      @Override
      public void stepped(long nanos) {
        step.record(nanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void committed(long nanos, int writes) {
        commit.record(nanos, TimeUnit.NANOSECONDS);
        batch.record(writes);
      }
    });
  }
}
