package io.stepwise.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.jsonata.JsonataExpression;
import java.time.InstantSource;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation through the JSONata library layer (no fast forms): a field path, a sum, and an
 * object with a function call. Measured here rather than timed in a unit test.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class JsonataBenchmarks {
  private final InstantSource clock = InstantSource.system();
  private Scope scope;
  private JsonataExpression path;
  private JsonataExpression sum;
  private JsonataExpression object;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    JsonNode input = Json.parse("{\"n\":5,\"name\":\"item\",\"nested\":{\"y\":[1,2,3]}}");
    JsonNode context = Json.parse("{\"Execution\":{\"Name\":\"e\",\"Input\":{\"n\":5}},\"State\":{\"Name\":\"S\"}}");
    scope = Scope.of(input, context, Map.of("a", Json.parse("1")), new SplittableRandom(1));
    path = JsonataExpression.compile("$states.input.n");
    sum = JsonataExpression.compile("$states.input.n + 1");
    object = JsonataExpression.compile("{'n': $states.input.n, 's': $sum($states.input.nested.y) * $a}");
  }

  @Benchmark
  public JsonNode fieldPath() {
    return path.evaluate(scope, clock, "Output");
  }

  @Benchmark
  public JsonNode addition() {
    return sum.evaluate(scope, clock, "Output");
  }

  @Benchmark
  public JsonNode objectWithFunction() {
    return object.evaluate(scope, clock, "Output");
  }
}
