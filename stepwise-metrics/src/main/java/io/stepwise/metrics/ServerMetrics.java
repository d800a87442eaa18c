package io.stepwise.metrics;

import io.javalin.http.Handler;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stepwise.engine.Engine;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.server.Server;

/**
 * Wires {@code GET /metrics} into a server being built: Step Functions' metrics from the steps of
 * both kinds of executions (the runtime's stored ones, the engine's in-memory Express and
 * synchronous ones), the runtime's own figures and the JVM's.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;

  private ServerMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
    this.registry = registry;
    this.gc = gc;
  }

  /**
   * @param engine the engine the server's executions run on (its in-memory executions are observed)
   * @param runtime the durable runtime on that engine (its stored steps are listened to)
   * @param guard run before each {@code /metrics} answer (see {@link MetricsRoute#install})
   */
  public static ServerMetrics attach(Server.Builder builder, Engine engine, DurableRuntime runtime, Handler guard) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    EngineMetrics.bind(registry, runtime);
    StepFunctionsMetrics states = new StepFunctionsMetrics(registry);
    runtime.onStored((arn, events, redrives) -> states.stepped(arn, events));
    engine.observe((arn, events, redrives) -> states.stepped(arn, events));
    // AWS's API metric: requests refused for too many in flight, by operation
    builder.onThrottled(api -> io.micrometer.core.instrument.Counter.builder(StepFunctionsMetrics.PREFIX + "ThrottledEvents")
        .tag("APIName", api).register(registry).increment());
    builder.routes((cfg, services) -> MetricsRoute.install(cfg, registry, guard));
    return new ServerMetrics(registry, gc);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
