package io.stepwise.asl.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Evaluation helpers shared by the intrinsic function tests. */
final class IntrinsicFixtures {

  private static final String INPUT =
      """
      {"name": "Arnav", "template": "Hello, my name is {}.", "n": 3, "pi": 1.1, "list": [1, 2, 2, "2", [1], {"a": 1}],
       "obj": {"Arg1": 1, "Arg2": [], "s": "x", "z": null}, "json": "{\\"foo\\": \\"bar\\"}", "arn": "arn:aws:states:r:1:stateMachine:my-machine-v2"}
      """;

  private IntrinsicFixtures() {}

  static Scope scope(long seed) {
    JsonNode input = parse(INPUT);
    JsonNode context = parse("{\"Execution\": {\"Name\": \"run-7\"}}");
    RandomGenerator random = new SplittableRandom(seed);
    Map<String, JsonNode> variables = Map.of("greeting", Json.NODES.textNode("hi {}"));
    return Scope.of(input, context, variables, random);
  }

  static JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode eval(String call) {
    return IntrinsicCall.compile(call).evaluate(scope(1), "value.$");
  }

  static String evalJson(String call) {
    return Json.write(eval(call));
  }

  static void assertFails(String call, String cause) {
    assertIntrinsicFailure(() -> eval(call), cause);
  }

  static void assertIntrinsicFailure(ThrowingCallable run, String cause) {
    assertThatThrownBy(run)
        .isInstanceOfSatisfying(
            StatesException.class,
            e -> {
              assertThat(e.error()).isEqualTo(StatesErrors.INTRINSIC_FAILURE);
              assertThat(e.cause()).isEqualTo(cause);
            });
  }
}
