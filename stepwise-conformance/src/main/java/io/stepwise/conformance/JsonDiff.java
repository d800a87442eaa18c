package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Locates where an actual value first departs from an expected one, placeholders allowed. */
final class JsonDiff {
  private JsonDiff() {}

  /**
   * A short description of the first difference ("$.a[2].b: expected 1, got 2"), or null when
   * {@link Normalizer#matches} accepts the pair.
   */
  static String first(JsonNode expected, JsonNode actual, int maxValueChars) {
    if (Normalizer.matches(expected, actual)) {
      return null;
    }
    String d = walk(expected, actual, "$", maxValueChars);
    return d != null ? d : "$: expected " + show(expected, maxValueChars) + ", got " + show(actual, maxValueChars);
  }

  /**
   * Where two values that {@link #first} accepts list an object's fields in another order
   * ("$.a: fields [x, y] in AWS's order, ours [y, x]"), or null where every object shared by both
   * lists them alike: AWS's field order is part of its result. Not looked into below a
   * placeholder, which stands for the whole value.
   */
  static String firstOrderDifference(JsonNode e, JsonNode a, String path) {
    if (e == null || a == null) {
      return null;
    }
    if (e.isObject() && a.isObject()) {
      List<String> ours = new ArrayList<>();
      a.fieldNames().forEachRemaining(ours::add);
      List<String> theirs = new ArrayList<>();
      e.fieldNames().forEachRemaining(theirs::add);
      if (!theirs.equals(ours)) {
        return path + ": fields " + theirs + " in AWS's order, ours " + ours;
      }
      for (String k : theirs) {
        String d = firstOrderDifference(e.get(k), a.get(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
    } else if (e.isArray() && a.isArray()) {
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        String d = firstOrderDifference(e.get(i), a.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String walk(JsonNode e, JsonNode a, String path, int max) {
    if (Normalizer.matches(e, a)) {
      return null;
    }
    if (e != null && a != null && e.isObject() && a.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Map.Entry<String, JsonNode> x : PyJson.entries(e, true)) {
        keys.add(x.getKey());
      }
      for (String k : keys) {
        if (!a.has(k)) {
          return path + "." + k + ": missing (expected " + show(e.get(k), max) + ")";
        }
      }
      for (Map.Entry<String, JsonNode> x : PyJson.entries(a, true)) {
        if (!e.has(x.getKey())) {
          return path + "." + x.getKey() + ": unexpected " + show(x.getValue(), max);
        }
      }
      for (String k : keys) {
        String d = walk(e.get(k), a.get(k), path + "." + k, max);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (e != null && a != null && e.isArray() && a.isArray()) {
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        String d = walk(e.get(i), a.get(i), path + "[" + i + "]", max);
        if (d != null) {
          return d;
        }
      }
      if (e.size() != a.size()) {
        return path + ": expected " + e.size() + " items, got " + a.size() + " (" + show(a, max) + ")";
      }
      return null;
    }
    if (e != null && a != null && e.isTextual() && a.isTextual()) {
      return path + ": " + stringDifference(e.textValue(), a.textValue(), max);
    }
    return path + ": expected " + show(e, max) + ", got " + show(a, max);
  }

  /** Two strings shown from a little before where they part (a placeholder counts as agreeing). */
  static String stringDifference(String e, String a, int max) {
    int p = 0;
    while (p < e.length() && p < a.length() && e.charAt(p) == a.charAt(p)) {
      p++;
    }
    int from = p > 40 ? p - 20 : 0;
    String lead = from > 0 ? "..." : "";
    return "expected " + show(PyJson.nodes().textNode(lead + e.substring(from)), max) + ", got "
        + show(PyJson.nodes().textNode(lead + a.substring(from)), max);
  }

  static String show(JsonNode n, int max) {
    return Normalizer.abbreviate(n == null ? "null" : PyJson.dumps(n), max);
  }
}
