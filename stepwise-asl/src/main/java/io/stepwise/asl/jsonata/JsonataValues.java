package io.stepwise.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values between Jackson trees and the plain Java objects the JSONata library works on
 * (Map, List, String, Number, Boolean, {@link Jsonata#NULL_VALUE} for JSON null).
 *
 * <p>Numbers follow JSONata, whose numbers are IEEE doubles: a decimal comes in as a Double, and a
 * double result with no fraction that fits a long goes out as an integer (so {@code $sum([1,2])}
 * is 3 and {@code 1/2} is 0.5). A fractional result goes out as the decimal JavaScript would print
 * for it, so it equals what {@link Json#parse} reads from AWS's output text.
 *
 * <p>Input objects and arrays are not copied: they come in as {@link ObjectView} and
 * {@link ArrayView}, which convert a member only when the expression reads it. When a view reaches
 * the result unchanged, its Jackson node is returned as it is, so {@code $states.input} costs
 * nothing however large the input. Results may therefore share nodes with the input; like every
 * value in the engine, treat them as immutable.
 */
final class JsonataValues {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /** 2^63 as a double: integral doubles below it in magnitude fit a long. */
  private static final double TWO_63 = 9.223372036854775808E18;

  private JsonataValues() {}

  // ---------------------------------------------------------------- Jackson to JSONata

  /** The JSONata value of a node; objects and arrays become lazy views. */
  static Object toJsonata(JsonNode node, Evaluation evaluation) {
    return switch (node.getNodeType()) {
      case OBJECT -> new ObjectView((ObjectNode) node, evaluation);
      case ARRAY -> new ArrayView((ArrayNode) node, evaluation);
      case STRING -> node.textValue();
      case NUMBER -> number(node);
      case BOOLEAN -> node.booleanValue() ? Boolean.TRUE : Boolean.FALSE;
      case NULL -> Jsonata.NULL_VALUE;
      case MISSING -> null;
      case BINARY, POJO -> node.asText();
    };
  }

  /** The JSONata value of a node as fresh, independent Maps and Lists (for $parse). */
  static Object toPlain(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          map.put(e.getKey(), toPlain(e.getValue()));
        }
        return map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          list.add(toPlain(item));
        }
        return list;
      }
      default -> {
        return toJsonata(node, null);
      }
    }
  }

  /** A JSON number as JSONata sees it: an Integer or Long when integral, else a Double. */
  static Object number(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return node.longValue();
    }
    if (node.isBigInteger()) {
      BigInteger b = node.bigIntegerValue();
      return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (node.isBigDecimal()) {
      BigDecimal d = node.decimalValue();
      if (d.signum() == 0) {
        return 0;
      }
      BigDecimal stripped = d.stripTrailingZeros();
      if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
        return integral(stripped.longValueExact());
      }
      return d.doubleValue();
    }
    double v = node.doubleValue();
    return integralDouble(v) ? integral((long) v) : (Object) v;
  }

  private static Object integral(long v) {
    return v == (int) v ? (Object) (int) v : (Object) v;
  }

  private static boolean integralDouble(double v) {
    return v == Math.rint(v) && Math.abs(v) < TWO_63 && !Double.isInfinite(v);
  }

  // ---------------------------------------------------------------- JSONata to Jackson

  /** Thrown for a result JSON cannot hold: a function or a regular expression. */
  static final class UnsupportedResultException extends RuntimeException {
    UnsupportedResultException() {
      super(null, null, false, false);
    }
  }

  /**
   * The Jackson node of a JSONata value that is not undefined. Java null inside a container is
   * JSON null (the library turns {@link Jsonata#NULL_VALUE} into null before returning).
   *
   * @throws UnsupportedResultException the value holds a function or a regular expression
   * @throws JsonataBoundException the value is larger or deeper than the limits allow
   */
  static JsonNode toJson(Object value, Evaluation evaluation) {
    return new Writer(evaluation).write(value, 0);
  }

  private static final class Writer {
    private final Evaluation evaluation;
    private long nodes;

    Writer(Evaluation evaluation) {
      this.evaluation = evaluation;
    }

    JsonNode write(Object value, int depth) {
      if (++nodes > evaluation.limits.maxArrayLength()) {
        throw JsonataBoundException.memory();
      }
      if (depth > evaluation.limits.maxResultDepth()) {
        throw JsonataBoundException.stackOverflow();
      }
      if (value == null || value == Jsonata.NULL_VALUE) {
        return Json.NODES.nullNode();
      }
      if (value instanceof String s) {
        return Json.NODES.textNode(s);
      }
      if (value instanceof Boolean b) {
        return Json.NODES.booleanNode(b);
      }
      if (value instanceof Number n) {
        return numberNode(n);
      }
      if (value instanceof ObjectView view && view.evaluation == evaluation && !evaluation.mutated) {
        return view.source;
      }
      if (value instanceof ArrayView view && view.evaluation == evaluation && !evaluation.mutated) {
        return view.source;
      }
      if (value instanceof Map<?, ?> map) {
        ObjectNode out = Json.NODES.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.set(String.valueOf(e.getKey()), write(e.getValue(), depth + 1));
        }
        return out;
      }
      if (value instanceof List<?> list) {
        ArrayNode out = Json.NODES.arrayNode(list.size());
        for (Object item : list) {
          out.add(write(item, depth + 1));
        }
        return out;
      }
      throw new UnsupportedResultException();
    }
  }

  /** The node for a number: integral values as int or long nodes, others as JavaScript prints them. */
  static JsonNode numberNode(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return Json.NODES.numberNode(n.intValue());
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? Json.NODES.numberNode(l.intValue()) : Json.NODES.numberNode(l.longValue());
    }
    if (n instanceof BigInteger b) {
      return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0
          ? numberNode(b.longValue())
          : Json.NODES.numberNode(b);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      // AWS writes a non-finite number it meets inside a value as a string.
      return Json.NODES.textNode(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
    if (integralDouble(d)) {
      return numberNode((long) d);
    }
    return Json.NODES.numberNode(new BigDecimal(jsNumber(d)));
  }

  // ---------------------------------------------------------------- JavaScript text

  /** A number as JavaScript's Number.prototype.toString writes it. */
  static String jsNumber(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return "0";
    }
    // Double.toString gives the shortest digits that round-trip (JDK 19+), as JavaScript does.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale(); // the value is 0.<digits> * 10^n
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
    }
    return out.toString();
  }

  /** A value as JavaScript's JSON.stringify writes it, for error messages. */
  static String stringify(Object value) {
    StringBuilder out = new StringBuilder();
    stringify(value, out, 0);
    return out.toString();
  }

  private static void stringify(Object value, StringBuilder out, int depth) {
    if (depth > 64 || out.length() > 10_000) {
      out.append("...");
    } else if (value == null || value == Jsonata.NULL_VALUE) {
      out.append("null");
    } else if (value instanceof String || value instanceof Character) {
      quote(value.toString(), out);
    } else if (value instanceof Number n) {
      out.append(n instanceof Integer || n instanceof Long ? n.toString() : jsNumber(n.doubleValue()));
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(String.valueOf(e.getKey()), out);
        out.append(':');
        stringify(e.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
        stringify(it.next(), out, depth + 1);
        if (it.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else {
      out.append("{}");
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
