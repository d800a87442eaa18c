package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.model.State;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** One test under way: the state, its input, the variables, and what each stage has produced so far. */
final class TestRun {
  final State state;
  final JsonNode input;
  final Map<String, JsonNode> variables;
  final ObjectNode context;
  final InstantSource clock;
  final int retrierRetryCount;
  final StateTest.MapSettings settings;
  private final SplittableRandom random = new SplittableRandom();

  JsonNode afterInputPath;
  JsonNode afterParameters;
  JsonNode afterArguments;
  JsonNode result;
  JsonNode afterResultSelector;
  JsonNode afterResultPath;
  Inspection.ErrorDetails errorDetails;
  Inspection.MapDetails map;

  TestRun(State state, JsonNode input, Map<String, JsonNode> variables, ObjectNode context, InstantSource clock,
      int retrierRetryCount, StateTest.MapSettings settings) {
    this.settings = settings;
    this.retrierRetryCount = retrierRetryCount;
    this.state = state;
    this.input = input;
    this.variables = new LinkedHashMap<>(variables);
    this.context = context;
    this.clock = clock;
  }

  boolean jsonata() {
    return state.common().queryLanguage() == QueryLanguage.JSONATA;
  }

  TestScope scope(JsonNode value) {
    return new TestScope(value, context, variables, null, null, random, clock);
  }

  TestScope withResult(JsonNode value, JsonNode result) {
    return new TestScope(value, context, variables, result, null, random, clock);
  }

  TestScope withErrorOutput(JsonNode value, JsonNode errorOutput) {
    return new TestScope(value, context, variables, null, errorOutput, random, clock);
  }

  /** Sets what an Assign evaluated, once every stage of the way out has read the old values. */
  void assign(ObjectNode assigned) {
    if (assigned != null) {
      assigned.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
    }
  }

  Inspection inspection() {
    ObjectNode vars = null;
    if (!variables.isEmpty()) {
      vars = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : variables.entrySet()) {
        vars.set(e.getKey(), e.getValue());
      }
    }
    return new Inspection(input, afterInputPath, afterParameters, afterArguments, result, afterResultSelector, afterResultPath,
        vars, errorDetails, map);
  }

  StateTestResult succeeded(JsonNode output, String next) {
    return new StateTestResult(TestStatus.SUCCEEDED, output, null, null, next, inspection());
  }

  StateTestResult failed(String error, String cause) {
    return new StateTestResult(TestStatus.FAILED, null, error, cause, null, inspection());
  }
}
