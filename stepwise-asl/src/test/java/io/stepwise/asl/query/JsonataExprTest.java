package io.stepwise.asl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonataExprTest {
  private static JsonNode json(String s) {
    try {
      return Json.parse(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Scope scope(String input, Map<String, JsonNode> vars) {
    return Scope.of(json(input), json("{\"State\":{\"Name\":\"S\"}}"), vars, new SplittableRandom(7));
  }

  private static JsonNode eval(String expr, String input) {
    return JsonataExpr.compile(expr).evaluate(scope(input, Map.of()), "Output");
  }

  @Test
  void readsStatesInputContextAndVariables() {
    Scope s = scope("{\"a\":{\"b\":2}}", Map.of("total", json("40")));
    assertThat(JsonataExpr.compile("$states.input.a.b + $total").evaluate(s, "Output")).isEqualTo(json("42"));
    assertThat(JsonataExpr.compile("$states.context.State.Name").evaluate(s, "Output").asText()).isEqualTo("S");
  }

  @Test
  void numbersComeBackAsAwsPrintsThem() {
    assertThat(eval("1.5 * 2", "{}").toString()).isEqualTo("3");
    assertThat(eval("1 / 2", "{}").toString()).isEqualTo("0.5");
    assertThat(eval("$sum([1,2,3])", "{}").toString()).isEqualTo("6");
  }

  @Test
  void nothingIsJavaNullWhileJsonNullIsANullNode() {
    assertThat(eval("$states.input.missing", "{}")).isNull();
    assertThat(eval("null", "{}").isNull()).isTrue();
    assertThatThrownBy(() -> JsonataExpr.compile("$doesNotExist").evaluateRequired(scope("{}", Map.of()), "Output/result"))
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("States.QueryEvaluationError")
        .hasMessageContaining("The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).");
  }

  @Test
  void syntaxErrorsAreReportedWhenTheDefinitionLoads() {
    assertThatThrownBy(() -> JsonataExpr.compile("1 +")).isInstanceOf(ExpressionSyntaxException.class).hasMessageContaining("1 +");
  }

  @Test
  void awsFunctions() {
    assertThat(eval("$partition([1,2,3,4,5], 2)", "{}")).isEqualTo(json("[[1,2],[3,4],[5]]"));
    assertThat(eval("$range(0, 9, 3)", "{}")).isEqualTo(json("[0,3,6,9]"));
    assertThat(eval("$range(1, 9, 9)", "{}")).isEqualTo(json("1"));
    assertThat(eval("$hash('abc', 'SHA-256')", "{}").asText())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(eval("$parse('{\"a\":[1]}')", "{}")).isEqualTo(json("{\"a\":[1]}"));
    assertThat(eval("$uuid()", "{}").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    double r = eval("$random()", "{}").asDouble();
    assertThat(r).isBetween(0.0, 1.0);
    assertThat(eval("$random(5)", "{}")).isEqualTo(eval("$random(5)", "{}"));
  }

  @Test
  void aFunctionIsNotAJsonResult() {
    assertThatThrownBy(() -> eval("$fn := function($x){$x}", "{}"))
        .isInstanceOf(StatesException.class)
        .hasMessageContaining("returned an unsupported result type");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "($f := function($x){$f($x+1)}; $f(0))",
    "($loop := function($n){$n > 0 ? $loop($n) : 0}; $loop(1))",
    "$range(0, 100000000, 1)"
  })
  void runawayExpressionsEndAsQueryEvaluationErrors(String expr) {
    // bounded by work (JsonataLimits.DEFAULT_MAX_STEPS), depth or memory, not by a clock
    assertThatThrownBy(() -> eval(expr, "{}"))
        .isInstanceOf(StatesException.class)
        .satisfies(e -> assertThat(((StatesException) e).error()).isEqualTo("States.QueryEvaluationError"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "$states.input.a.b",
    "$states.input.list",
    "$states.input.missing",
    "$exists($states.input.a)",
    "$exists($states.input.nope)",
    "$states.input.n < 5000",
    "$states.input.n >= 7",
    "$states.input.s = 'low'",
    "$states.input.s != 'low'",
    "$states.input.s < 'b'",
    "$v.x",
    "$v",
    "'item-' & $string($states.input.n)",
    "$states.input.s & '-' & $states.input.n & $states.input.missing",
    "'a' & $states.input.t",
    "$string($v.x) & \"!\""
  })
  void fastFormsAgreeWithTheLibrary(String expr) {
    Scope s = scope("{\"a\":{\"b\":[1,2]},\"list\":[{\"x\":1},{\"x\":2}],\"n\":7,\"s\":\"low\",\"t\":true}", Map.of("v", json("{\"x\":3}")));
    JsonNode fast = JsonataExpr.compile(expr).evaluate(s, "Output");
    JsonNode library = JsonataExpr.compile("(" + expr + ")").evaluate(s, "Output"); // no fast form for a block
    assertThat(fast).isEqualTo(library);
  }

  @Test
  void oneCompiledExpressionServesManyThreadsAtOnce() throws Exception {
    JsonataExpr e = JsonataExpr.compile("$sum($states.input.xs) * $k");
    java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        int k = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            Scope s = Scope.of(json("{\"xs\":[1,2,3]}"), json("{}"), Map.of("k", json(Integer.toString(k))), new SplittableRandom(i));
            if (e.evaluate(s, "Output").intValue() != 6 * k) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    }
  }

  @Test
  void oneEvaluationsVariablesNeverReachTheNext() {
    // the library makes a just-compiled expression its thread's working copy; evaluations on the
    // compiling thread must still start from a clean frame
    JsonataExpr e = JsonataExpr.compile("$count([$x])");
    assertThat(e.evaluate(scope("{}", Map.of("x", json("1"))), "Output")).isEqualTo(json("1"));
    assertThat(e.evaluate(scope("{}", Map.of()), "Output")).isEqualTo(json("0"));
    JsonataExpr assigns = JsonataExpr.compile("($y := 5; $count([$z]))");
    assertThat(assigns.evaluate(scope("{}", Map.of()), "Output")).isEqualTo(json("0"));
    assertThat(JsonataExpr.compile("$count([$y])").evaluate(scope("{}", Map.of()), "Output")).isEqualTo(json("0"));
  }

  @Test
  void nowReadsTheScopesClock() {
    java.time.Instant at = java.time.Instant.parse("2024-03-01T10:00:00.123Z");
    Scope s = new Scope() {
      public JsonNode input() {
        return json("{}");
      }

      public JsonNode context() {
        return json("{}");
      }

      public java.time.InstantSource clock() {
        return java.time.InstantSource.fixed(at);
      }

      public java.util.random.RandomGenerator random() {
        return new java.util.SplittableRandom(0);
      }
    };
    assertThat(JsonataExpr.compile("$now()").evaluate(s, "Output").asText()).isEqualTo("2024-03-01T10:00:00.123Z");
    assertThat(JsonataExpr.compile("$millis()").evaluate(s, "Output").asLong()).isEqualTo(at.toEpochMilli());
  }

  @Test
  void commentsAreWhitespaceEvenAtTheEnd() {
    assertThat(eval("1 + /* one */ 1 /* trailing */", "{}")).isEqualTo(json("2"));
    assertThat(eval("'/* not a comment */'", "{}").asText()).isEqualTo("/* not a comment */");
    assertThatThrownBy(() -> JsonataExpr.compile("1 /* unterminated")).isInstanceOf(ExpressionSyntaxException.class);
  }
}
