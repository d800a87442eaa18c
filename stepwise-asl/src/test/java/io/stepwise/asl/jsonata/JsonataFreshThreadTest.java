package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import java.time.InstantSource;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An expression compiled on one thread evaluates on a fresh virtual thread, with the library's
 * per-thread instance lent rather than built again. (What one evaluation costs is measured by
 * JsonataBenchmarks in stepwise-jmh, not timed here.)
 */
class JsonataFreshThreadTest {
  @Test
  void anExpressionEvaluatesOnAFreshVirtualThread() throws Exception {
    JsonNode input = json("{\"n\":5}");
    Scope scope = Scope.of(input, json("{}"), Map.of(), new SplittableRandom(1));
    JsonataExpression e = JsonataExpression.compile("$states.input.n * 2");
    AtomicReference<JsonNode> result = new AtomicReference<>();
    Thread.ofVirtual().start(() -> result.set(e.evaluate(scope, InstantSource.system(), "Output"))).join();
    assertThat(result.get().asInt()).isEqualTo(10);
    assertThat(ScratchInstances.available()).as("the library's per-thread instance can be lent").isTrue();
  }
}
