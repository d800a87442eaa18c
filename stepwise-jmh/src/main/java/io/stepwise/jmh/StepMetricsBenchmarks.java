package io.stepwise.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code GET /metrics}' step latency costs a step: the durable runtime times each step with
 * two {@code System.nanoTime()} reads and records it in a Micrometer timer with Prometheus buckets
 * ({@code RuntimeStats.step}, {@code EngineMetrics}). The step is the whole ten-Pass execution of
 * {@link HotPathBenchmarks#tenPassStep}, among the shortest steps there are, so the share is an upper bound.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class StepMetricsBenchmarks {
  /** The step timer's buckets, as EngineMetrics registers them. */
  private static final Duration[] STEP_BUCKETS = Stream.of("PT0.00001S", "PT0.000025S", "PT0.00005S", "PT0.0001S", "PT0.00025S",
      "PT0.0005S", "PT0.001S", "PT0.0025S", "PT0.005S", "PT0.01S", "PT0.025S", "PT0.1S", "PT0.5S").map(Duration::parse)
      .toArray(Duration[]::new);

  private StateMachine tenPasses;
  private JsonNode input;
  private Engine engine;
  private PrometheusMeterRegistry registry;
  private Timer timer;
  private final RunOptions options = RunOptions.defaults().withNames("jmh", "x");

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    input = Json.parse("{\"name\":\"chain\",\"last\":{\"step\":41},\"payload\":{\"values\":[1,2,3],\"flag\":true}}");
    StringBuilder def = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < 10; i++) {
      def.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":{\"Type\":\"Pass\",")
          .append("\"Parameters\":{\"step\":").append(i).append(",\"prev.$\":\"$.last.step\",\"label.$\":\"States.Format('step-{}-of-{}', $.last.step, $.name)\"},")
          .append("\"ResultPath\":\"$.last\",").append(i == 9 ? "\"End\":true}" : "\"Next\":\"S" + (i + 1) + "\"}");
    }
    tenPasses = StateMachineParser.parse(def.append("}}").toString());
    engine = Engine.builder().build();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    timer = Timer.builder("stepwise.runtime.step.latency").serviceLevelObjectives(STEP_BUCKETS).register(registry);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    registry.close();
  }

  /** The step alone (as {@link HotPathBenchmarks#tenPassStep}). */
  @Benchmark
  public Step step() {
    return engine.stepper(tenPasses, input, options).step(new StepInput.Start());
  }

  /** The step as the runtime runs it with the metrics attached: timed and recorded. */
  @Benchmark
  public Step stepTimed() {
    long began = System.nanoTime();
    Step s = engine.stepper(tenPasses, input, options).step(new StepInput.Start());
    timer.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
    return s;
  }

  /** The timing and the record alone, from one thread. */
  @Benchmark
  public long timeAndRecord() {
    long began = System.nanoTime();
    timer.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
    return began;
  }

  /** The same from two threads at once (steps of many executions record into the one timer). */
  @Benchmark
  @Threads(2)
  public long timeAndRecordContended() {
    long began = System.nanoTime();
    timer.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
    return began;
  }
}
