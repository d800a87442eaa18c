package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import java.time.InstantSource;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The cost of one evaluation, printed to the test's output; the bounds only catch a gross
 * regression (such as parsing on every evaluation), not a slow machine.
 */
class JsonataCostTest {
  private static final int N = 50_000;

  @Test
  void oneEvaluationCostsMicroseconds() throws Exception {
    JsonNode input = json("{\"n\":5,\"name\":\"item\",\"nested\":{\"y\":[1,2,3]}}");
    JsonNode context = json("{\"Execution\":{\"Name\":\"e\",\"Input\":{\"n\":5}},\"State\":{\"Name\":\"S\"}}");
    Scope scope = Scope.of(input, context, Map.of("a", json("1")), new SplittableRandom(1));
    InstantSource clock = InstantSource.system();
    long path = nanosPerEvaluation(JsonataExpression.compile("$states.input.n"), scope, clock);
    long sum = nanosPerEvaluation(JsonataExpression.compile("$states.input.n + 1"), scope, clock);
    long object = nanosPerEvaluation(JsonataExpression.compile("{'n': $states.input.n, 's': $sum($states.input.nested.y) * $a}"), scope, clock);
    System.out.printf("JSONata cost per evaluation: $states.input.n %d ns, $states.input.n + 1 %d ns, object %d ns%n", path, sum, object);
    assertThat(path).isLessThan(20_000);
    assertThat(sum).isLessThan(100_000);

    JsonataExpression e = JsonataExpression.compile("$states.input.n * 2");
    long[] firstOnFreshThread = new long[1];
    Thread.ofVirtual().start(() -> {
      long start = System.nanoTime();
      e.evaluate(scope, clock, "Output");
      firstOnFreshThread[0] = System.nanoTime() - start;
    }).join();
    System.out.printf("first evaluation on a fresh virtual thread: %d ns%n", firstOnFreshThread[0]);
    assertThat(ScratchInstances.available()).as("the library's per-thread instance can be lent").isTrue();
  }

  private static long nanosPerEvaluation(JsonataExpression e, Scope scope, InstantSource clock) {
    for (int i = 0; i < N; i++) {
      e.evaluate(scope, clock, "Output");
    }
    long start = System.nanoTime();
    for (int i = 0; i < N; i++) {
      e.evaluate(scope, clock, "Output");
    }
    return (System.nanoTime() - start) / N;
  }
}
