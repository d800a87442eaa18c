package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The snapshot library's key/value traversal, shared by the key-based normalization ops:
 * object fields; arrays only through their objects; a matched value is not descended into.
 */
final class KvWalk {
  @FunctionalInterface
  interface Match {
    /** The match result, or null for no match. */
    JsonNode apply(String key, JsonNode value);
  }

  @FunctionalInterface
  interface OnMatch {
    void apply(ObjectNode d, String key, JsonNode value, JsonNode result);
  }

  private KvWalk() {}

  /** Matches a non-null, non-empty value under {@code key} (the key_value ops' rule). */
  static Match key(String key) {
    return (k, v) -> k.equals(key) && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty()) ? v : null;
  }

  static void walk(ObjectNode d, Match match, OnMatch onMatch) {
    // a snapshot of the fields: onMatch may replace them
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : d.properties()) {
      entries.add(Map.entry(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, JsonNode> e : entries) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      JsonNode res = match.apply(k, v);
      if (res != null) {
        onMatch.apply(d, k, v, res);
      } else if (v instanceof ArrayNode a) {
        for (JsonNode item : a) {
          if (item instanceof ObjectNode o) {
            walk(o, match, onMatch);
          }
        }
      } else if (v instanceof ObjectNode o) {
        walk(o, match, onMatch);
      }
    }
  }
}
