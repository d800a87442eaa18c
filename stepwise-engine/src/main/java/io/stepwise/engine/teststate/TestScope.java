package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import java.time.InstantSource;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What an expression of the tested state sees: a value, the test's context object, its variables. */
record TestScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables, JsonNode result, JsonNode errorOutput,
    RandomGenerator random, InstantSource clock) implements Scope {

  @Override
  public JsonNode variable(String name) {
    return variables.get(name);
  }
}
