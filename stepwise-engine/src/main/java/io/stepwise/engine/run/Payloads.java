package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Payload checks: size against AWS's 256 KiB limit, and nesting against {@link Json#MAX_DEPTH}
 * (a value only the engine can build, by nesting values in templates or ResultPath, and one that
 * could not be written into the history).
 */
final class Payloads {
  /** What {@link #check} and {@link #checkedBound} return for a value over the size limit. */
  static final long TOO_LARGE = -1;
  /** ... and for a value nested more than {@link Json#MAX_DEPTH} levels deep. */
  static final long TOO_DEEP = -2;

  private Payloads() {}

  /** The cause for a value nested too deep, after what produced it ("The state 'X' produced an output"). */
  static String tooDeep(String what) {
    return what + " nested more than " + Json.MAX_DEPTH + " levels deep, deeper than a JSON value may be nested.";
  }

  /**
   * A bound on the UTF-8 length of the value's JSON text within the limit, or {@link #TOO_LARGE}
   * or {@link #TOO_DEEP}. A walk of the tree bounds the size from above without writing it; only
   * a value that might be too long is written out.
   */
  static long check(JsonNode value, int limit) {
    return value == null ? 4 : checkedBound(value, null, -1, limit);
  }

  /**
   * A bound on the value's size that is within the limit, or {@link #TOO_LARGE} or {@link
   * #TOO_DEEP}: the {@link #bound} when that is within the limit, else the exact size when that is.
   */
  static long checkedBound(JsonNode value, JsonNode base, long baseBound, int limit) {
    try {
      long bound = bound(value, base, baseBound, limit);
      if (bound <= limit) {
        return bound;
      }
      long exact = size(value);
      return exact <= limit ? exact : TOO_LARGE;
    } catch (Json.TooDeepException e) {
      return TOO_DEEP;
    }
  }

  /**
   * An upper bound on the UTF-8 length of {@code value}'s JSON text, walking as little as it can:
   * when the value is an object made from {@code base} (whose bound is {@code baseBound}) by
   * adding or replacing fields, as ResultPath and most templates do, only the fields that differ
   * from the base are walked. The bound only grows from state to state that way, so a caller that
   * finds it over the limit measures the value exactly and starts again from that. Nesting is
   * checked on the way: the fields walked are one level below the value, and those skipped are
   * as deep as they were in the base, which was checked when it was bounded.
   *
   * @param baseBound the base's bound, or -1 when there is no base
   * @param budget the walk may stop once the bound passes this
   * @throws Json.TooDeepException when the walk meets a value nested more than {@link Json#MAX_DEPTH} deep
   */
  static long bound(JsonNode value, JsonNode base, long baseBound, long budget) {
    if (value == null) {
      return 4;
    }
    if (value == base && baseBound >= 0) {
      return baseBound;
    }
    if (baseBound >= 0 && value instanceof ObjectNode o && base instanceof ObjectNode b) {
      // Walk both in order: a ResultPath copy keeps the base's fields in place and appends a new
      // one, so same-position pairs with the same key and the very same value are already counted
      // in the base's bound. Anything else is counted again, which keeps the bound an upper one.
      long total = baseBound;
      Iterator<Map.Entry<String, JsonNode>> bs = b.properties().iterator();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        Map.Entry<String, JsonNode> be = bs.hasNext() ? bs.next() : null;
        JsonNode v = e.getValue();
        if (be == null || be.getValue() != v || !be.getKey().equals(e.getKey())) {
          total += 6L * e.getKey().length() + 4 + upperBound(v, budget - total, 2);
          if (total > budget) {
            break;
          }
        }
      }
      return total;
    }
    return upperBound(value, budget, 1);
  }

  /**
   * At least the UTF-8 length of the value's JSON text (a character takes at most 6 bytes, as
   * {@code \u0000}); the walk stops once the bound passes {@code budget}.
   *
   * @param depth the value's nesting level, if it is an object or array (1 for the whole value)
   */
  private static long upperBound(JsonNode v, long budget, int depth) {
    switch (v.getNodeType()) {
      case STRING:
        return 6L * v.textValue().length() + 2;
      case OBJECT: {
        if (depth > Json.MAX_DEPTH) {
          throw new Json.TooDeepException();
        }
        long total = 2;
        for (Map.Entry<String, JsonNode> e : ((ObjectNode) v).properties()) {
          total += 6L * e.getKey().length() + 4 + upperBound(e.getValue(), budget - total, depth + 1);
          if (total > budget) {
            break;
          }
        }
        return total;
      }
      case ARRAY: {
        if (depth > Json.MAX_DEPTH) {
          throw new Json.TooDeepException();
        }
        long total = 2;
        for (int i = 0, n = v.size(); i < n && total <= budget; i++) {
          total += 1 + upperBound(v.get(i), budget - total, depth + 1);
        }
        return total;
      }
      case NUMBER:
        // a long prints in at most 20 characters; other numbers are rare enough to print
        return v.canConvertToLong() && v.isIntegralNumber() ? 20 : v.asText().length();
      default:
        return 5; // true, false, null
    }
  }

  /** The UTF-8 length of a value's JSON text (scalars cheaply, without writing them). */
  static long size(JsonNode value) {
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return value.isNumber() ? value.asText().length() : value.isBoolean() ? (value.booleanValue() ? 4 : 5) : 4;
    }
    return Json.write(value).getBytes(StandardCharsets.UTF_8).length;
  }
}
