package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables of one scope. A Parallel branch or Map iteration gets a child scope that
 * reads its parent's variables and keeps its own assignments to itself.
 */
final class Variables {
  private final Variables parent;
  private Map<String, JsonNode> values; // created on first assignment

  Variables(Variables parent) {
    this.parent = parent;
  }

  JsonNode get(String name) {
    if (values != null) {
      JsonNode v = values.get(name);
      if (v != null) {
        return v;
      }
    }
    return parent == null ? null : parent.get(name);
  }

  void set(String name, JsonNode value) {
    if (values == null) {
      values = new HashMap<>();
    }
    values.put(name, value);
  }
}
