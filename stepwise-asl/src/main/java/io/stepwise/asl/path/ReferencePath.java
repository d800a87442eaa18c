package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.json.Json;

/**
 * A reference path, as ResultPath takes: {@code $} followed by field names and array indexes only.
 * {@link #apply} writes a value into a copy of a tree, copying just the containers on the path.
 */
public final class ReferencePath {
  private final String text;
  private final Step[] steps; // Step.Field or Step.Index

  private ReferencePath(String text, Step[] steps) {
    this.text = text;
    this.steps = steps;
  }

  public static ReferencePath compile(String text) throws ExpressionSyntaxException {
    JsonPath path = JsonPath.compile(text);
    if (path.root() != JsonPath.Root.INPUT) {
      throw notReference(text, "it must start with '$.' or be '$'");
    }
    Selection selection = path.selection();
    if (selection.endsWithLength() || java.util.Arrays.stream(selection.steps()).anyMatch(Step.Function.class::isInstance)) {
      throw notReference(text, "functions are not allowed");
    }
    for (Step s : selection.steps()) {
      if (!(s instanceof Step.Field) && !(s instanceof Step.Index)) {
        throw notReference(text, "only field names and array indexes are allowed");
      }
    }
    return new ReferencePath(text, selection.steps());
  }

  private static ExpressionSyntaxException notReference(String text, String why) {
    return new ExpressionSyntaxException("Invalid reference path '" + text + "': " + why);
  }

  public String text() {
    return text;
  }

  /**
   * A new tree equal to {@code target} with {@code value} at this path; {@code $} gives {@code
   * value}. Missing objects on the way are created; the target is never changed, and everything off
   * the path is shared with it.
   *
   * @throws StatesException States.ResultPathMatchFailure when a step meets something it cannot
   *     enter: a field of a non-object, or an index of a non-array or out of its range
   */
  public JsonNode apply(JsonNode target, JsonNode value) {
    return place(target, 0, value);
  }

  private JsonNode place(JsonNode node, int i, JsonNode value) {
    if (i == steps.length) {
      return value;
    }
    if (steps[i] instanceof Step.Field f) {
      if (node != null && !node.isObject()) {
        throw cannotApply(f.name(), node);
      }
      // sized for the copy plus one field, so that copying never grows the table
      java.util.LinkedHashMap<String, JsonNode> fields = java.util.LinkedHashMap.newLinkedHashMap(node == null ? 1 : node.size() + 1);
      if (node != null) {
        for (java.util.Map.Entry<String, JsonNode> e : ((ObjectNode) node).properties()) {
          fields.put(e.getKey(), e.getValue());
        }
      }
      fields.put(f.name(), place(node == null ? null : node.get(f.name()), i + 1, value));
      return new ObjectNode(Json.NODES, fields);
    }
    int index = ((Step.Index) steps[i]).index();
    if (node == null || !node.isArray()) {
      throw cannotApply(String.valueOf(index), node);
    }
    int at = index < 0 ? node.size() + index : index;
    if (at < 0 || at >= node.size()) {
      throw cannotApply(String.valueOf(index), node);
    }
    ArrayNode copy = Json.NODES.arrayNode(node.size());
    copy.addAll((ArrayNode) node);
    copy.set(at, place(node.get(at), i + 1, value));
    return copy;
  }

  // The corpus holds no ResultPathMatchFailure; this wording is our best knowledge of AWS's cause.
  private static StatesException cannotApply(String step, JsonNode node) {
    return RuntimeCauses.resultPathMismatch(step, node);
  }

  @Override
  public String toString() {
    return text;
  }
}
