package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.expr.JsonValues;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.HashSet;
import java.util.Set;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayFunctions {
  /** The most items States.ArrayRange may produce. */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  static JsonNode array(Args args, Scope scope) {
    ArrayNode out = Json.NODES.arrayNode(args.count());
    for (int i = 0; i < args.count(); i++) {
      out.add(args.get(i));
    }
    return out;
  }

  static JsonNode partition(Args args, Scope scope) {
    ArrayNode array = args.array(0);
    int size = args.integer(1);
    if (size <= 0) {
      throw args.fail("the chunk size must be a positive integer, but was " + size);
    }
    ArrayNode out = Json.NODES.arrayNode();
    ArrayNode chunk = null;
    for (int i = 0; i < array.size(); i++) {
      if (i % size == 0) {
        chunk = out.addArray();
      }
      chunk.add(array.get(i));
    }
    return out;
  }

  static JsonNode contains(Args args, Scope scope) {
    ArrayNode array = args.array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode item : array) {
      if (JsonValues.equal(item, wanted)) {
        return Json.NODES.booleanNode(true);
      }
    }
    return Json.NODES.booleanNode(false);
  }

  /** From start to end inclusive by step; non-integers are rounded, as AWS documents. */
  static JsonNode range(Args args, Scope scope) {
    long start = args.rounded(0);
    long end = args.rounded(1);
    long step = args.rounded(2);
    if (step == 0) {
      throw args.fail("the step must not be 0");
    }
    long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
    if (count > MAX_RANGE_ITEMS) {
      throw args.fail("the range would hold " + count + " items, more than the maximum of " + MAX_RANGE_ITEMS);
    }
    ArrayNode out = Json.NODES.arrayNode((int) count);
    for (long i = 0, v = start; i < count; i++, v += step) {
      out.add(v);
    }
    return out;
  }

  static JsonNode getItem(Args args, Scope scope) {
    ArrayNode array = args.array(0);
    int index = args.integer(1);
    if (index < 0 || index >= array.size()) {
      throw args.fail("the index " + index + " is out of bounds for an array of " + array.size() + " items");
    }
    return array.get(index);
  }

  static JsonNode length(Args args, Scope scope) {
    return Json.NODES.numberNode(args.array(0).size());
  }

  /** The distinct items in order of first appearance; numbers compare by value. */
  static JsonNode unique(Args args, Scope scope) {
    ArrayNode array = args.array(0);
    Set<Distinct> seen = new HashSet<>();
    ArrayNode out = Json.NODES.arrayNode();
    for (JsonNode item : array) {
      if (seen.add(new Distinct(item))) {
        out.add(item);
      }
    }
    return out;
  }

  /** A JSON value as a set member, equal by {@link JsonValues#equal}. */
  private record Distinct(JsonNode value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Distinct d && JsonValues.equal(value, d.value);
    }

    @Override
    public int hashCode() {
      return JsonValues.hash(value);
    }
  }
}
