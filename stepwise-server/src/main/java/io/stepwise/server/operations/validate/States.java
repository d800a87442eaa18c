package io.stepwise.server.operations.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Every state of a definition that the validator already accepted, nested ones too (Parallel
 * branches, Map processors), with its JSON Pointer and whether it is in JSONata mode.
 */
final class States {
  private static final ObjectMapper JSON = new ObjectMapper();

  interface Visitor {
    void state(String pointer, JsonNode state, boolean jsonata);
  }

  private States() {}

  /** Visits every state; a definition that is not JSON has none. */
  static void forEach(String definition, Visitor visitor) {
    JsonNode root;
    try {
      root = JSON.readTree(definition);
    } catch (IOException e) {
      return;
    }
    if (root != null && root.isObject()) {
      scope(root, "", "JSONata".equals(root.path("QueryLanguage").asText()), visitor);
    }
  }

  private static void scope(JsonNode scope, String pointer, boolean jsonataMachine, Visitor visitor) {
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      String at = io.stepwise.asl.json.JsonPointers.child(pointer + "/States", e.getKey());
      JsonNode state = e.getValue();
      String ql = state.path("QueryLanguage").asText(null);
      boolean jsonata = ql == null ? jsonataMachine : ql.equals("JSONata");
      visitor.state(at, state, jsonata);
      JsonNode branches = state.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          scope(branches.get(i), at + "/Branches/" + i, jsonataMachine, visitor);
        }
      }
      for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
        JsonNode p = state.get(processor);
        if (p != null && p.isObject()) {
          scope(p, at + "/" + processor, jsonataMachine, visitor);
        }
      }
    }
  }

}
