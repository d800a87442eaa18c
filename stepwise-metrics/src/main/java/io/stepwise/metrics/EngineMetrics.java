package io.stepwise.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stepwise.runtime.DurableRuntime;

/**
 * The durable runtime's own figures, read when scraped from what it already counts: executions
 * in memory, timers set, group commits, the writes they held and the time they took.
 */
final class EngineMetrics {
  private EngineMetrics() {}

  static void bind(MeterRegistry registry, DurableRuntime runtime) {
    Gauge.builder("stepwise.runtime.executions.in.memory", runtime, DurableRuntime::executionsInMemory)
        .description("Executions held in memory by the durable runtime (open, or waiting and not evicted)")
        .register(registry);
    Gauge.builder("stepwise.runtime.timers", runtime, DurableRuntime::timersSet)
        .description("Timers set (Wait states, retries, task timeouts and heartbeats, execution time limits)")
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
  }
}
