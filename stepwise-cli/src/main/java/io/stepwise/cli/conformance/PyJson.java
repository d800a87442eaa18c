package io.stepwise.cli.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json} module sees it, because the corpus ops were defined over
 * Python values and over the text {@code json.dumps} produces.
 *
 * <ul>
 *   <li>{@link #loads}: integers stay integers, anything with a fraction or exponent becomes a
 *       double (Python float); NaN and Infinity are accepted; the last of duplicate keys wins.
 *   <li>{@link #dumps}: separators {@code ", "} and {@code ": "}, non-ASCII and control
 *       characters escaped as lowercase {@code \\uXXXX}, keys in insertion order (or sorted by
 *       code point), floats in Python's {@code repr} form.
 *   <li>{@link #pyEquals}: Python's {@code ==} on the parsed values (dicts ignore key order,
 *       1 == 1.0), except that booleans never equal numbers here (Python's True == 1 is not a
 *       useful leniency for a conformance check).
 *   <li>{@link #pyStr}: Python's {@code str()} of the value ({@code {'a': [1, None]}}).
 * </ul>
 */
public final class PyJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.instance)
          .build();

  private PyJson() {}

  /** The node factory used for values this class builds. */
  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }

  /** Parses JSON text like {@code json.loads}. */
  public static JsonNode loads(String text) throws JsonProcessingException {
    JsonNode n = MAPPER.readTree(text);
    if (n == null || n.isMissingNode()) {
      throw new IllegalArgumentException("empty JSON text");
    }
    return n;
  }

  /** Parses, or returns null when the text is not JSON. */
  public static JsonNode tryLoads(String text) {
    try {
      return loads(text);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code json.dumps(value)}. */
  public static String dumps(JsonNode value) {
    return dumps(value, false);
  }

  /** {@code json.dumps(value, sort_keys=sortKeys)}. */
  public static String dumps(JsonNode value, boolean sortKeys) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, sortKeys);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode v, boolean sortKeys) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      sb.append("null");
    } else if (v.isObject()) {
      if (v.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : entries(v, sortKeys)) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        quote(sb, e.getKey());
        sb.append(": ");
        write(sb, e.getValue(), sortKeys);
      }
      sb.append('}');
    } else if (v.isArray()) {
      if (v.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, v.get(i), sortKeys);
      }
      sb.append(']');
    } else if (v.isTextual()) {
      quote(sb, v.textValue());
    } else if (v.isBoolean()) {
      sb.append(v.booleanValue() ? "true" : "false");
    } else if (v.isIntegralNumber()) {
      sb.append(v.bigIntegerValue().toString());
    } else if (v.isNumber()) {
      double d = v.doubleValue();
      if (Double.isNaN(d)) {
        sb.append("NaN");
      } else if (Double.isInfinite(d)) {
        sb.append(d > 0 ? "Infinity" : "-Infinity");
      } else {
        sb.append(floatRepr(d));
      }
    } else if (v.isBinary()) {
      quote(sb, v.asText());
    } else {
      quote(sb, v.asText());
    }
  }

  static List<Map.Entry<String, JsonNode>> entries(JsonNode obj, boolean sorted) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>(obj.size());
    list.addAll(obj.properties());
    if (sorted) {
      list.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
    }
    return list;
  }

  /** Python's string order: by code point. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** A JSON string literal as json.dumps writes it (ensure_ascii). */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append("\\u");
            String hex = Integer.toHexString(c);
            sb.append("0".repeat(4 - hex.length())).append(hex);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Python's {@code repr(float)} for a finite double: shortest round-trip digits. */
  public static String floatRepr(double d) {
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Double.toString gives the shortest decimal that round-trips (JDK 19+).
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    StringBuilder sb = new StringBuilder();
    if (d < 0) {
      sb.append('-');
    }
    if (exp < -4 || exp >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    } else if (exp < 0) {
      sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
    } else if (digits.length() <= exp + 1) {
      sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return sb.toString();
  }

  /** Python's == on two JSON values (booleans and numbers kept apart). */
  public static boolean pyEquals(JsonNode a, JsonNode b) {
    if (a == null || a.isMissingNode()) {
      a = nodes().nullNode();
    }
    if (b == null || b.isMissingNode()) {
      b = nodes().nullNode();
    }
    if (a.isNumber() && b.isNumber()) {
      return numbersEqual(a, b);
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !pyEquals(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!pyEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isTextual()) {
      return a.textValue().equals(b.textValue());
    }
    if (a.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    if (a.isNull()) {
      return true;
    }
    return a.equals(b);
  }

  private static boolean numbersEqual(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    BigDecimal x = exact(a);
    BigDecimal y = exact(b);
    if (x == null || y == null) {
      // NaN never equals anything; infinities equal themselves
      double dx = a.doubleValue();
      double dy = b.doubleValue();
      return !Double.isNaN(dx) && dx == dy;
    }
    return x.compareTo(y) == 0;
  }

  private static BigDecimal exact(JsonNode n) {
    if (n.isIntegralNumber()) {
      return new BigDecimal(n.bigIntegerValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return new BigDecimal(d);
  }

  /** Python's {@code str()} of the value json.loads would give: dict/list repr, True, None, 'text'. */
  public static String pyStr(JsonNode v) {
    if (v != null && v.isTextual()) {
      return v.textValue();
    }
    StringBuilder sb = new StringBuilder();
    repr(sb, v);
    return sb.toString();
  }

  /** Python's {@code repr()} of the value. */
  public static String pyRepr(JsonNode v) {
    StringBuilder sb = new StringBuilder();
    repr(sb, v);
    return sb.toString();
  }

  private static void repr(StringBuilder sb, JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      sb.append("None");
    } else if (v.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : entries(v, false)) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        reprString(sb, e.getKey());
        sb.append(": ");
        repr(sb, e.getValue());
      }
      sb.append('}');
    } else if (v.isArray()) {
      sb.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        repr(sb, v.get(i));
      }
      sb.append(']');
    } else if (v.isTextual()) {
      reprString(sb, v.textValue());
    } else if (v.isBoolean()) {
      sb.append(v.booleanValue() ? "True" : "False");
    } else if (v.isIntegralNumber()) {
      sb.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      double d = v.doubleValue();
      if (Double.isNaN(d)) {
        sb.append("nan");
      } else if (Double.isInfinite(d)) {
        sb.append(d > 0 ? "inf" : "-inf");
      } else {
        sb.append(floatRepr(d));
      }
    } else {
      reprString(sb, v.asText());
    }
  }

  /** Python's repr of a str: single quotes unless the text has ' and no ". */
  static void reprString(StringBuilder sb, String s) {
    char q = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
    sb.append(q);
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == q || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7f) {
        sb.append((char) cp);
      } else if (isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    sb.append(q);
  }

  private static boolean isPrintable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
