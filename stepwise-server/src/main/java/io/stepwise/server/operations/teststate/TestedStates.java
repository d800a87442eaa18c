package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.operations.validate.Definitions;
import io.stepwise.server.operations.validate.Diagnostic;
import io.stepwise.server.protocol.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state TestState tests: the definition of one state, or (with {@code stateName}) a whole
 * state machine and the name of one of its states. One state is judged as the validator judges
 * a state machine holding it, with every state it names as its next standing in as a Succeed,
 * and the problems reported at the state's own pointers ("/Next", not "/States/...").
 */
final class TestedStates {
  /** The name a state tested on its own goes by: what $$.State.Name reads. */
  static final String SINGLE_STATE_NAME = "TestState";

  private static final String PREFIX = "/States/" + SINGLE_STATE_NAME;

  private TestedStates() {}

  static State of(String definition, String stateName) {
    if (stateName != null) {
      Definitions.requireValid(definition, StateMachineType.STANDARD);
      StateMachine machine = StateMachineParser.parse(definition);
      State s = find(machine.graph(), stateName);
      if (s == null) {
        throw ApiException.client("ValidationException", "State not found in definition");
      }
      return s;
    }
    JsonNode state;
    try {
      state = Json.parse(definition);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      Definitions.requireValid(definition, StateMachineType.STANDARD); // malformed JSON, in the validator's words
      throw new IllegalStateException("the validator accepted malformed JSON", e);
    }
    String machine = Json.write(wrap(state));
    List<Diagnostic> errors = Definitions.errors(machine, StateMachineType.STANDARD);
    if (!errors.isEmpty()) {
      throw ApiException.client("InvalidDefinition", "Invalid State Machine Definition: '"
          + errors.stream().map(TestedStates::unwrapped).map(Diagnostic::inMessage).collect(Collectors.joining(", ")) + "'");
    }
    return StateMachineParser.parse(machine).graph().state(SINGLE_STATE_NAME);
  }

  /** A machine that starts at the state, each state it can go to a Succeed. */
  private static ObjectNode wrap(JsonNode state) {
    ObjectNode machine = Json.NODES.objectNode();
    machine.put("StartAt", SINGLE_STATE_NAME);
    ObjectNode states = machine.putObject("States");
    states.set(SINGLE_STATE_NAME, state);
    for (String next : targets(state)) {
      if (!next.equals(SINGLE_STATE_NAME)) {
        states.putObject(next).put("Type", "Succeed");
      }
    }
    return machine;
  }

  private static Set<String> targets(JsonNode state) {
    Set<String> out = new LinkedHashSet<>();
    text(state.get("Next"), out);
    text(state.get("Default"), out);
    for (String list : List.of("Choices", "Catch")) {
      JsonNode items = state.get(list);
      if (items != null && items.isArray()) {
        items.forEach(i -> text(i.get("Next"), out));
      }
    }
    return out;
  }

  private static void text(JsonNode v, Set<String> out) {
    if (v != null && v.isTextual() && !v.textValue().isEmpty()) {
      out.add(v.textValue());
    }
  }

  private static Diagnostic unwrapped(Diagnostic d) {
    String at = d.location();
    if (at != null && at.startsWith(PREFIX)) {
      at = at.length() == PREFIX.length() ? "/" : at.substring(PREFIX.length());
    }
    return new Diagnostic(d.severity(), d.code(), d.message(), at);
  }

  /** A state by name, at the top level or inside a Parallel's branch or a Map's processor. */
  private static State find(StateGraph graph, String name) {
    State s = graph.state(name);
    if (s != null) {
      return s;
    }
    for (State each : graph.states().values()) {
      List<StateGraph> inner = switch (each) {
        case ParallelState p -> p.branches();
        case MapState m -> List.of(m.processor());
        default -> List.of();
      };
      for (StateGraph g : inner) {
        State found = find(g, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
