package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;

/**
 * One compiled step of a path, with Jayway JsonPath's semantics (the library AWS evaluates
 * JSONPath with). A definite step selects at most one node; the others fan out into a {@link Walk}.
 */
sealed interface Step {

  /** Whether the step selects at most one node. */
  boolean definite();

  /** The node a definite step selects, or null. Only called on definite steps. */
  default JsonNode select(JsonNode node) {
    throw new IllegalStateException(this + " is not definite");
  }

  /** Passes every node the step selects from {@code node} on to step {@code next} of the walk. */
  default void walk(JsonNode node, Walk walk, int next) {
    JsonNode child = select(node);
    if (child != null) {
      walk.at(child, next);
    }
  }

  /** Whether a deep scan ({@code ..}) applies this step to {@code node}, a container. */
  boolean scans(JsonNode node);

  /** {@code .name} or {@code ['name']}. */
  record Field(String name) implements Step {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public JsonNode select(JsonNode node) {
      return node.get(name); // null for arrays and scalars
    }

    @Override
    public boolean scans(JsonNode node) {
      return node.isObject() && node.has(name);
    }
  }

  /** {@code [i]}; a negative index counts from the end. */
  record Index(int index) implements Step {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public JsonNode select(JsonNode node) {
      return node.isArray() ? node.get(index < 0 ? node.size() + index : index) : null;
    }

    @Override
    public boolean scans(JsonNode node) {
      return node.isArray();
    }
  }

  /** {@code ['a','b']} as the last step: Jayway merges the present fields into one object. */
  record FieldMerge(String[] names) implements Step {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public JsonNode select(JsonNode node) {
      if (!node.isObject()) {
        return null;
      }
      ObjectNode merged = Json.NODES.objectNode();
      for (String name : names) {
        JsonNode v = node.get(name);
        if (v != null) {
          merged.set(name, v);
        }
      }
      return merged;
    }

    @Override
    public boolean scans(JsonNode node) {
      if (!node.isObject()) {
        return false;
      }
      for (String name : names) {
        if (!node.has(name)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code ['a','b']} followed by more steps: each present field in turn. */
  record FieldUnion(String[] names) implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (node.isObject()) {
        for (String name : names) {
          JsonNode v = node.get(name);
          if (v != null) {
            walk.at(v, next);
          }
        }
      }
    }

    @Override
    public boolean scans(JsonNode node) {
      return node.isObject();
    }
  }

  /** {@code [0,2,-1]}: indexes out of range are skipped. */
  record IndexUnion(int[] indexes) implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (node.isArray()) {
        for (int index : indexes) {
          walk.element(node, index, next);
        }
      }
    }

    @Override
    public boolean scans(JsonNode node) {
      return node.isArray();
    }
  }

  /**
   * {@code [from:to]}, {@code [from:]} or {@code [:to]} (to exclusive). Jayway clamps the bounds but
   * wraps each negative index of a {@code [from:to]} slice on its own, and so do we.
   */
  record Slice(Integer from, Integer to) implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (!node.isArray() || node.isEmpty()) {
        return;
      }
      int length = node.size();
      int start;
      int end;
      if (to == null) {
        start = Math.max(0, from < 0 ? length + from : from);
        end = length;
      } else if (from == null) {
        start = 0;
        end = Math.min(length, to < 0 ? length + to : to);
      } else {
        start = from;
        end = Math.min(length, to);
      }
      for (int i = start; i < end; i++) {
        walk.element(node, i, next);
      }
    }

    @Override
    public boolean scans(JsonNode node) {
      return node.isArray();
    }
  }

  /** {@code [*]} or {@code .*}: every element of an array, every value of an object. */
  record Wildcard() implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          walk.at(child, next);
        }
      }
    }

    @Override
    public boolean scans(JsonNode node) {
      return true;
    }
  }

  /** {@code [?(...)]}: the array elements that satisfy the filter, or an object that does. */
  record Filter(Predicate predicate) implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (node.isArray()) {
        for (JsonNode element : node) {
          if (predicate.test(element, walk.root)) {
            walk.at(element, next);
          }
        }
      } else if (node.isObject() && predicate.test(node, walk.root)) {
        walk.at(node, next);
      }
    }

    /** Under a deep scan Jayway tests each object itself; arrays are only descended into. */
    @Override
    public boolean scans(JsonNode node) {
      return node.isObject();
    }
  }

  /**
   * {@code name(...)} other than a final length(): AWS finds nothing there (see {@link
   * FunctionCall}). Definite, as in Jayway, so a path ending in one is as definite as its steps.
   */
  record Function(String name) implements Step {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public JsonNode select(JsonNode node) {
      return null;
    }

    @Override
    public boolean scans(JsonNode node) {
      return false;
    }
  }

  /** {@code ..target}: applies the target to the root and to every container below it, pre-order. */
  record DeepScan(Step target) implements Step {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void walk(JsonNode node, Walk walk, int next) {
      if (!node.isContainerNode()) {
        return;
      }
      if (target.scans(node)) {
        target.walk(node, walk, next);
      }
      for (JsonNode child : node) {
        walk(child, walk, next);
      }
    }

    @Override
    public boolean scans(JsonNode node) {
      return false; // the parser never nests scans
    }
  }
}
