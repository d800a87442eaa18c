package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;

/** One side of a filter comparison. */
sealed interface Operand {

  /** The operand's value for the candidate {@code current}; null when a path finds nothing. */
  JsonNode value(JsonNode current, JsonNode root);

  record Literal(JsonNode constant) implements Operand {
    @Override
    public JsonNode value(JsonNode current, JsonNode root) {
      return constant;
    }
  }

  /** {@code @...} (relative to the candidate) or {@code $...} (from the document root). */
  record PathOperand(boolean relative, Selection selection) implements Operand {
    @Override
    public JsonNode value(JsonNode current, JsonNode root) {
      return selection.from(relative ? current : root, root);
    }

    boolean indefinite() {
      return !selection.definite();
    }
  }
}
