package io.stepwise.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Helpers: evaluate an expression against an input bound as {@code $states.input}. */
final class JsonataFixtures {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-11-22T10:15:30.123Z"));

  private JsonataFixtures() {}

  static JsonNode json(String text) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code $states} = {input, context}, the input also bound as {@code $}. */
  static Map<String, JsonNode> states(JsonNode input) {
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    variables.put("states", Json.NODES.objectNode().set("input", input));
    return variables;
  }

  /** The value, or Java null for nothing. */
  static JsonNode eval(String expression, String input) {
    return eval(expression, json(input));
  }

  static JsonNode eval(String expression, JsonNode input) {
    return JsonataExpression.compile(expression).evaluate(input, states(input), new Random(7), CLOCK, "Output");
  }

  /** The value as compact JSON text, or "undefined". */
  static String text(String expression, String input) {
    JsonNode v = eval(expression, input);
    return v == null ? "undefined" : Json.write(v);
  }

  static String text(String expression) {
    return text(expression, "{}");
  }

  /** The failure's cause; asserts it is a States.QueryEvaluationError. */
  static String cause(String expression, String input) {
    return cause(JsonataExpression.compile(expression), input);
  }

  static String cause(JsonataExpression expression, String input) {
    StatesException e =
        catchThrowableOfType(
            StatesException.class,
            () -> expression.evaluate(json(input), states(json(input)), new Random(7), CLOCK, "Output"));
    assertThat(e).as("%s should fail", expression.text()).isNotNull();
    assertThat(e.error()).isEqualTo(StatesErrors.QUERY_EVALUATION_ERROR);
    assertThat(e.location()).isEqualTo("Output");
    return e.cause();
  }

  static String cause(String expression) {
    return cause(expression, "{}");
  }

  /** The cause with AWS's sentence about the expression and field taken off. */
  static String tail(String expression, String input) {
    String prefix = "The JSONata expression '" + expression + "' specified for the field 'Output' ";
    String cause = cause(expression, input);
    assertThat(cause).startsWith(prefix);
    return cause.substring(prefix.length());
  }

  static String tail(String expression) {
    return tail(expression, "{}");
  }
}
