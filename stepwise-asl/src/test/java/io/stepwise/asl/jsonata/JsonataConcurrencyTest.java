package io.stepwise.asl.jsonata;

import static io.stepwise.asl.jsonata.JsonataFixtures.CLOCK;
import static io.stepwise.asl.jsonata.JsonataFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One compiled expression, many evaluations at once and one after another: none sees another's values. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsonataConcurrencyTest {
  private static final JsonataExpression EXPRESSION =
      JsonataExpression.compile(
          "{'id': $states.input.id, 'sum': $sum($states.input.items.n), 'v': $v, 'seeded': $random($states.input.id),"
              + " 'rec': ($f := function($k){$k <= 1 ? 1 : $k * $f($k - 1)}; $f(5))}");

  private static JsonNode input(int id) {
    return json("{\"id\":" + id + ",\"items\":[{\"n\":" + id + "},{\"n\":1}]}");
  }

  private static void check(int id) {
    Map<String, JsonNode> variables = new java.util.HashMap<>();
    variables.put("states", Json.NODES.objectNode().set("input", input(id)));
    if (id % 2 == 0) {
      variables.put("v", Json.NODES.numberNode(id));
    }
    JsonNode out = EXPRESSION.evaluate(null, variables, new SplittableRandom(id), CLOCK, "Output");
    assertThat(out.get("id").intValue()).isEqualTo(id);
    assertThat(out.get("sum").intValue()).isEqualTo(id + 1);
    assertThat(out.get("rec").intValue()).isEqualTo(120);
    assertThat(out.get("seeded").doubleValue()).isEqualTo(new java.util.Random(id).nextDouble());
    if (id % 2 == 0) {
      assertThat(out.get("v").intValue()).isEqualTo(id);
    } else {
      assertThat(out.has("v")).as("evaluation %d must not see another's $v", id).isFalse();
    }
  }

  @Test
  void oneEvaluationLeavesNoVariablesForTheNext() {
    JsonataExpression e = JsonataExpression.compile("$x");
    assertThat(e.evaluate(null, Map.of("x", json("1")), new SplittableRandom(1), CLOCK, "Output")).isEqualTo(json("1"));
    assertThat(e.evaluate(null, Map.of(), new SplittableRandom(1), CLOCK, "Output")).isNull();
    for (int i = 0; i < 1000; i++) {
      check(i);
    }
  }

  @Test
  void platformThreadsAtOnce() throws Exception {
    runAll(Executors.newFixedThreadPool(8));
  }

  @Test
  void virtualThreadsAtOnce() throws Exception {
    runAll(Executors.newVirtualThreadPerTaskExecutor());
  }

  @Test
  void expressionsCompiledOnManyThreads() throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<JsonataExpression>> compiled = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int k = i;
        compiled.add(pool.submit(() -> JsonataExpression.compile("$states.input.id + " + k)));
      }
      List<Future<?>> checks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        JsonataExpression e = compiled.get(i).get();
        int k = i;
        checks.add(
            pool.submit(
                () -> {
                  for (int id = 0; id < 200; id++) {
                    JsonNode out =
                        e.evaluate(null, Map.of("states", Json.NODES.objectNode().set("input", input(id))), new SplittableRandom(), CLOCK, "Output");
                    assertThat(out.intValue()).isEqualTo(id + k);
                  }
                }));
      }
      for (Future<?> f : checks) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void runAll(ExecutorService pool) throws Exception {
    try (pool) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int base = t * 500;
        Callable<Void> task =
            () -> {
              for (int i = 0; i < 500; i++) {
                check(base + i);
              }
              return null;
            };
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
  }
}
