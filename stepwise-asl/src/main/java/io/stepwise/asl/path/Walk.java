package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** One evaluation of an indefinite path: carries the document root and collects the matches. */
final class Walk {
  private final Step[] steps;
  final JsonNode root; // what $ means inside filters
  private final ArrayNode matches;

  Walk(Step[] steps, JsonNode root, ArrayNode matches) {
    this.steps = steps;
    this.root = root;
    this.matches = matches;
  }

  /** Continues from {@code node} with step {@code i}; past the last step, {@code node} matched. */
  void at(JsonNode node, int i) {
    if (i == steps.length) {
      matches.add(node);
    } else {
      steps[i].walk(node, this, i + 1);
    }
  }

  /** Continues with an array's element, wrapping a negative index; out of range selects nothing. */
  void element(JsonNode array, int index, int next) {
    JsonNode child = array.get(index < 0 ? array.size() + index : index);
    if (child != null) {
      at(child, next);
    }
  }
}
