package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.path.JsonPath;
import io.stepwise.asl.path.ReferencePath;
import io.stepwise.asl.template.PayloadTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Runs a JSONPath-mode machine made only of Pass states the way AWS's pipeline does (InputPath,
 * Parameters, Result, ResultPath, OutputPath, Assign), so that corpus cases exercise the
 * expression layer without the engine. Returns the output, or throws StatesException with AWS's
 * "An error occurred while executing the state" prefix.
 */
final class CorpusPassRunner {
  private final JsonNode definition;
  private final ConformanceCase.Names names;
  private final boolean express;
  private final boolean synchronous;
  private static final String START_TIME = "2024-01-01T00:00:00.000Z";

  private final Map<String, JsonNode> variables = new HashMap<>();
  private final RandomGenerator random = new SplittableRandom(7);

  CorpusPassRunner(JsonNode definition, ConformanceCase c) {
    this.definition = definition;
    this.names = c.names();
    this.express = "EXPRESS".equals(c.executionType());
    this.synchronous = "StartSyncExecution".equals(c.startApi());
  }

  /** Whether every state is a JSONPath-mode Pass state. */
  static boolean supports(JsonNode definition) {
    if ("JSONata".equals(definition.path("QueryLanguage").asText())) {
      return false;
    }
    for (JsonNode s : definition.path("States")) {
      if (!"Pass".equals(s.path("Type").asText()) || s.has("QueryLanguage")) {
        return false;
      }
    }
    return true;
  }

  JsonNode run(JsonNode input) {
    String name = definition.path("StartAt").asText();
    JsonNode value = input;
    int enteredEventId = 2;
    while (true) {
      JsonNode state = definition.path("States").path(name);
      try {
        value = pass(name, state, value, input);
      } catch (StatesException e) {
        throw new StatesException(
            e.error(),
            "An error occurred while executing the state '" + name + "' (entered at the event id #" + enteredEventId + "). " + e.cause());
      }
      if (state.path("End").asBoolean()) {
        return value;
      }
      name = state.path("Next").asText();
      enteredEventId += 2;
    }
  }

  private JsonNode pass(String name, JsonNode state, JsonNode raw, JsonNode executionInput) {
    ObjectNode context = context(name, executionInput);
    JsonNode effective = select(state, "InputPath", raw, context);
    if (state.has("Parameters")) {
      effective = PayloadTemplate.compile(state.get("Parameters")).evaluate(scope(effective, context));
    }
    JsonNode result = state.has("Result") ? state.get("Result") : effective;
    JsonNode combined = result;
    if (state.has("ResultPath")) {
      JsonNode rp = state.get("ResultPath");
      combined = rp.isNull() ? raw : ReferencePath.compile(rp.asText()).apply(raw, result);
    }
    JsonNode output = select(state, "OutputPath", combined, context);
    if (state.has("Assign")) {
      JsonNode assigned = PayloadTemplate.compile(state.get("Assign")).evaluate(scope(result, context));
      assigned.properties().forEach(e -> variables.put(e.getKey(), e.getValue()));
    }
    return output;
  }

  private JsonNode select(JsonNode state, String field, JsonNode value, ObjectNode context) {
    if (!state.has(field)) {
      return value;
    }
    if (state.get(field).isNull()) {
      return Json.NODES.objectNode();
    }
    JsonPath path = JsonPath.compile(state.get(field).asText());
    JsonNode v = path.read(scope(value, context));
    if (v == null) {
      throw new StatesException(StatesErrors.RUNTIME, "Invalid path '" + path.text() + "' : No results for path: " + bracketed(path.text()));
    }
    return v;
  }

  private static String bracketed(String dotted) {
    StringBuilder out = new StringBuilder("$");
    for (String part : dotted.substring(2).split("\\.")) {
      out.append("['").append(part).append("']");
    }
    return out.toString();
  }

  private ObjectNode context(String stateName, JsonNode executionInput) {
    String region = names.region();
    String account = names.account();
    String machine = names.stateMachineName();
    String execution = names.executionName();
    String prefix = "arn:aws:states:" + region + ":" + account + ":";
    ObjectNode c = Json.NODES.objectNode();
    ObjectNode e = c.putObject("Execution");
    e.put("Id", express ? prefix + "express:" + machine + ":" + execution + ":0c3e2f6a-1b2c-4d5e-8f90-123456789abc" : prefix + "execution:" + machine + ":" + execution);
    e.set("Input", executionInput);
    if (!express) {
      e.put("StartTime", START_TIME); // AWS orders these fields differently for Express runs
    }
    e.put("Name", execution);
    e.put("RoleArn", names.roleArn());
    if (express) {
      e.put("StartTime", START_TIME);
    }
    if (!synchronous) {
      e.put("RedriveCount", 0); // absent for StartSyncExecution runs
    }
    ObjectNode m = c.putObject("StateMachine");
    m.put("Id", prefix + "stateMachine:" + machine);
    m.put("Name", machine);
    ObjectNode s = c.putObject("State");
    s.put("Name", stateName);
    s.put("EnteredTime", START_TIME);
    return c;
  }

  private Scope scope(JsonNode input, JsonNode context) {
    return Scope.of(input, context, variables, random);
  }
}
