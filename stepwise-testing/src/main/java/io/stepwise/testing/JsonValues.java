package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON equality as a test means it: numbers by value (1, 1.0 and 1e0 are one number), objects
 * whatever the order of their keys, arrays in order. And where two values first differ, as a JSON
 * Pointer, so that a failure names the field rather than leaving the reader to compare two blobs.
 */
public final class JsonValues {
  private JsonValues() {}

  public static boolean equal(JsonNode a, JsonNode b) {
    return firstDifference(a, b) == null;
  }

  /** The JSON Pointer of the first place where the values differ ("" for the values themselves), or null when equal. */
  public static String firstDifference(JsonNode a, JsonNode b) {
    return diff(a, b, "");
  }

  private static String diff(JsonNode a, JsonNode b, String at) {
    if (a == null || b == null) {
      return a == b ? null : at;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? null : at;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return at;
    }
    if (a.isObject()) {
      for (Map.Entry<String, JsonNode> f : a.properties()) {
        String d = diff(f.getValue(), b.get(f.getKey()), pointer(at, f.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!a.has(name)) {
          return pointer(at, name);
        }
      }
      return null;
    }
    if (a.isArray()) {
      int n = Math.min(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        String d = diff(a.get(i), b.get(i), at + "/" + i);
        if (d != null) {
          return d;
        }
      }
      return a.size() == b.size() ? null : at + "/" + n;
    }
    return a.equals(b) ? null : at;
  }

  /** The value at a pointer, or null where there is none. */
  public static JsonNode at(JsonNode node, String pointer) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.at(pointer);
    return v.isMissingNode() ? null : v;
  }

  /** The value as compact JSON, "(none)" for no value at all. */
  public static String show(JsonNode node) {
    return node == null ? "(none)" : Json.write(node);
  }

  private static String pointer(String parent, String key) {
    return io.stepwise.asl.json.JsonPointers.child(parent, key);
  }
}
