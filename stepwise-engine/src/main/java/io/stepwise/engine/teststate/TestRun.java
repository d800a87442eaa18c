package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
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
  /** AWS's limit on a state's output, a variable and an Assign. */
  static final int MAX_PAYLOAD_BYTES = 262_144;
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

  /**
   * Sets what an Assign evaluated, once every stage of the way out has read the old values; held
   * to AWS's limits (256 KiB a variable, 256 KiB an Assign) in the engine's words.
   */
  void assign(ObjectNode assigned) {
    if (assigned == null) {
      return;
    }
    long total = 0;
    for (Map.Entry<String, JsonNode> e : assigned.properties()) {
      long size = bytes(e.getValue());
      if (size > MAX_PAYLOAD_BYTES) {
        throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
            "The variable '" + e.getKey() + "' has a size of " + size + " bytes, over the limit of " + MAX_PAYLOAD_BYTES + " bytes.");
      }
      total += size;
    }
    if (total > MAX_PAYLOAD_BYTES) {
      throw new StatesException(StatesErrors.DATA_LIMIT_EXCEEDED,
          "The Assign field assigns " + total + " bytes, over the limit of " + MAX_PAYLOAD_BYTES + " bytes.");
    }
    assigned.properties().forEach(e -> variables.put(e.getKey(), e.getValue()));
  }

  /** The UTF-8 size of a value's JSON text. */
  static long bytes(JsonNode v) {
    return Json.write(v).getBytes(StandardCharsets.UTF_8).length;
  }

  /** An output over AWS's 256 KiB: the state fails, as an execution's does, with AWS's words. */
  StateTestResult tooLarge(JsonNode output) {
    if (output == null || bytes(output) <= MAX_PAYLOAD_BYTES) {
      return null;
    }
    return failed(StatesErrors.DATA_LIMIT_EXCEEDED,
        "The state/task '" + state.name() + "' returned a result with a size exceeding the maximum number of bytes service limit.");
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
    StateTestResult over = tooLarge(output);
    if (over != null) {
      return over;
    }
    return new StateTestResult(TestStatus.SUCCEEDED, output, null, null, next, inspection());
  }

  StateTestResult failed(String error, String cause) {
    return new StateTestResult(TestStatus.FAILED, null, error, cause, null, inspection());
  }
}
