package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.json.Json;

/**
 * The compiled steps of a path after its root, optionally ending in Jayway's {@code .length()}.
 * Definite selections return a node or null; indefinite ones an array of every match.
 */
final class Selection {
  private final Step[] steps;
  private final String[] fieldChain; // the field names when every step is a plain field, else null
  private final boolean length;
  private final boolean definiteSteps;

  Selection(Step[] steps, boolean length) {
    this.steps = steps;
    this.length = length;
    boolean definite = true;
    boolean fieldsOnly = true;
    for (Step s : steps) {
      definite &= s.definite();
      fieldsOnly &= s instanceof Step.Field;
    }
    this.definiteSteps = definite;
    this.fieldChain = fieldsOnly ? fieldNames(steps) : null;
  }

  private static String[] fieldNames(Step[] steps) {
    String[] names = new String[steps.length];
    for (int i = 0; i < steps.length; i++) {
      names[i] = ((Step.Field) steps[i]).name();
    }
    return names;
  }

  /** Whether the selection yields at most one node rather than a list of matches. */
  boolean definite() {
    return definiteSteps || length;
  }

  Step[] steps() {
    return steps;
  }

  boolean endsWithLength() {
    return length;
  }

  /**
   * Selects from {@code start}; {@code root} is what {@code $} means inside filters. Returns null
   * when a definite selection finds nothing.
   */
  JsonNode from(JsonNode start, JsonNode root) {
    JsonNode found = definiteSteps ? one(start) : all(start, root);
    return length ? lengthOf(found) : found;
  }

  private JsonNode one(JsonNode start) {
    JsonNode node = start;
    if (fieldChain != null) {
      for (int i = 0; i < fieldChain.length && node != null; i++) {
        node = node.get(fieldChain[i]);
      }
      return node;
    }
    for (int i = 0; i < steps.length && node != null; i++) {
      node = steps[i].select(node);
    }
    return node;
  }

  private JsonNode all(JsonNode start, JsonNode root) {
    ArrayNode matches = Json.NODES.arrayNode();
    if (start != null) {
      new Walk(steps, root, matches).at(start, 0);
    }
    return matches;
  }

  /** Jayway's length(): the size of an array or object; nothing for other values. */
  private static JsonNode lengthOf(JsonNode node) {
    return node != null && node.isContainerNode() ? Json.NODES.numberNode(node.size()) : null;
  }
}
