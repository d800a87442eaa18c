package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.validate.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The problems of one suite file as they are found, and the checks every part of it shares. */
final class Fields {
  final List<Problem> problems;

  Fields(List<Problem> problems) {
    this.problems = problems;
  }

  void problem(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }

  boolean object(JsonNode node, String at, String what) {
    if (node.isObject()) {
      return true;
    }
    problem(at, what + " must be an object, not " + kind(node));
    return false;
  }

  /** Reports each key the object may not have, naming those it may. */
  void onlyKeys(JsonNode node, String at, String what, Set<String> allowed) {
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      if (!allowed.contains(f.getKey())) {
        problem(child(at, f.getKey()), "unknown key: " + what + " has " + String.join(", ", allowed));
      }
    }
  }

  /** The text of a string field, null (and a problem) when it is another kind of value, null when absent. */
  String text(JsonNode parent, String key, String at) {
    JsonNode v = parent.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(child(at, key), "must be a string, not " + kind(v));
      return null;
    }
    return v.asText();
  }

  static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a value of another type";
    };
  }

  /** The JSON Pointer of a key under {@code parent} (RFC 6901: ~ and / escaped). */
  static String child(String parent, String key) {
    return io.stepwise.asl.json.JsonPointers.child(parent, key);
  }
}
