package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.json.Json;

/**
 * The compiled steps of a path after its root, optionally ending in Jayway's {@code .length()}.
 * Definite selections return a node or null; indefinite ones an array of every match.
 */
final class Selection {
  /** How a final length() applies, which in Jayway depends on the steps before it. */
  private enum Length {
    /** After definite steps: the size of the one value. */
    OF_VALUE,
    /** After indefinite steps: an array with the size of each match. */
    OF_EACH,
    /** After a path starting with {@code $..}: the sizes of all matches added up. */
    TOTAL
  }

  private final Step[] steps;
  private final String[] fieldChain; // the field names when every step is a plain field, else null
  private final boolean definiteSteps;
  private final Length length; // null without length()

  Selection(Step[] steps, boolean endsWithLength) {
    this.steps = steps;
    boolean definite = true;
    boolean fieldsOnly = true;
    for (Step s : steps) {
      definite &= s.definite();
      fieldsOnly &= s instanceof Step.Field;
    }
    this.definiteSteps = definite;
    this.fieldChain = fieldsOnly ? fieldNames(steps) : null;
    if (!endsWithLength) {
      this.length = null;
    } else if (definite) {
      this.length = Length.OF_VALUE;
    } else {
      this.length = steps[0] instanceof Step.DeepScan ? Length.TOTAL : Length.OF_EACH;
    }
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
    return definiteSteps || length == Length.TOTAL;
  }

  Step[] steps() {
    return steps;
  }

  boolean endsWithLength() {
    return length != null;
  }

  /**
   * Selects from {@code start}; {@code root} is what {@code $} means inside filters. Returns null
   * when a definite selection finds nothing.
   */
  JsonNode from(JsonNode start, JsonNode root) {
    if (definiteSteps) {
      JsonNode found = one(start);
      return length == null || found == null ? found : sizeOf(found);
    }
    ArrayNode matches = all(start, root);
    if (length == null) {
      return matches;
    }
    if (length == Length.TOTAL) {
      int total = 0;
      for (JsonNode m : matches) {
        total += m.isContainerNode() ? m.size() : 0;
      }
      return Json.NODES.numberNode(total);
    }
    ArrayNode sizes = Json.NODES.arrayNode(matches.size());
    for (JsonNode m : matches) {
      sizes.add(sizeOf(m));
    }
    return sizes;
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

  private ArrayNode all(JsonNode start, JsonNode root) {
    ArrayNode matches = Json.NODES.arrayNode();
    if (start != null) {
      new Walk(steps, root, matches).at(start, 0);
    }
    return matches;
  }

  /** Jayway's length() of one value: the size of an array or object, null for anything else. */
  private static JsonNode sizeOf(JsonNode node) {
    return node.isContainerNode() ? Json.NODES.numberNode(node.size()) : Json.NODES.nullNode();
  }
}
