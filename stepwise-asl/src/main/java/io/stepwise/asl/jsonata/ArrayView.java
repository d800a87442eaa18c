package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.RandomAccess;

/**
 * A JSON array as the JSONata library sees it: a List that converts an item only when it is read.
 * Changing it first copies its items (one level) into an ArrayList and marks the evaluation
 * {@link Evaluation#mutated}, except for the library's final pass that swaps JSON null markers
 * for Java null. See {@link ObjectView}.
 */
final class ArrayView extends AbstractList<Object> implements RandomAccess {
  final ArrayNode source;
  final Evaluation evaluation;
  private ArrayList<Object> items;

  ArrayView(ArrayNode source, Evaluation evaluation) {
    this.source = source;
    this.evaluation = evaluation;
  }

  @Override
  public Object get(int index) {
    if (items != null) {
      return items.get(index);
    }
    JsonNode item = source.get(index);
    if (item == null) {
      throw new IndexOutOfBoundsException(index);
    }
    return JsonataValues.toJsonata(item, evaluation);
  }

  @Override
  public int size() {
    return items != null ? items.size() : source.size();
  }

  @Override
  public Object set(int index, Object value) {
    Object old = get(index);
    if (value == null && old == Jsonata.NULL_VALUE) {
      return old; // the library's null pass: JSON sees no change, and the source already says null
    }
    changed();
    return items().set(index, value);
  }

  @Override
  public void add(int index, Object value) {
    changed();
    items().add(index, value);
    modCount++;
  }

  @Override
  public Object remove(int index) {
    changed();
    modCount++;
    return items().remove(index);
  }

  private ArrayList<Object> items() {
    if (items == null) {
      ArrayList<Object> copy = new ArrayList<>(source.size());
      for (JsonNode item : source) {
        copy.add(JsonataValues.toJsonata(item, evaluation));
      }
      items = copy;
    }
    return items;
  }

  private void changed() {
    if (evaluation != null) {
      evaluation.mutated = true;
    }
  }
}
