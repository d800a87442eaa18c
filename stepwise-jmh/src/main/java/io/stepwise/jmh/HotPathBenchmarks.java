package io.stepwise.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.asl.path.ReferencePath;
import io.stepwise.asl.template.PayloadTemplate;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-transition work of the chain workload, piece by piece: the Parameters template with
 * States.Format, the ResultPath copy, and one whole Pass-state transition with its events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class HotPathBenchmarks {
  private PayloadTemplate template;
  private ReferencePath resultPath;
  private Scope scope;
  private JsonNode input;
  private JsonNode result;
  private StateMachine tenPasses;
  private Engine engine;
  private final RunOptions options = RunOptions.defaults().withNames("jmh", "x");

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    input = Json.parse("{\"name\":\"chain\",\"last\":{\"step\":41},\"payload\":{\"values\":[1,2,3],\"flag\":true}}");
    template = PayloadTemplate.compile(Json.parse(
        "{\"step\":42,\"prev.$\":\"$.last.step\",\"label.$\":\"States.Format('step-{}-of-{}', $.last.step, $.name)\"}"));
    resultPath = ReferencePath.compile("$.last");
    scope = Scope.of(input, Json.NODES.objectNode());
    result = template.evaluate(scope);
    StringBuilder def = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < 10; i++) {
      def.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":{\"Type\":\"Pass\",")
          .append("\"Parameters\":{\"step\":").append(i).append(",\"prev.$\":\"$.last.step\",\"label.$\":\"States.Format('step-{}-of-{}', $.last.step, $.name)\"},")
          .append("\"ResultPath\":\"$.last\",").append(i == 9 ? "\"End\":true}" : "\"Next\":\"S" + (i + 1) + "\"}");
    }
    tenPasses = StateMachineParser.parse(def.append("}}").toString());
    engine = Engine.builder().build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public JsonNode parametersWithFormat() {
    return template.evaluate(scope);
  }

  @Benchmark
  public JsonNode resultPathCopy() {
    return resultPath.apply(input, result);
  }

  /** Ten Pass transitions plus execution start and end, with the history recorded. */
  @Benchmark
  public ExecutionResult tenPassExecution() {
    return engine.run(tenPasses, input, options);
  }

  /** The same execution as one step call (its whole run is one step), without the in-memory driver. */
  @Benchmark
  public Step tenPassStep() {
    return engine.stepper(tenPasses, input, options).step(new StepInput.Start());
  }
}
