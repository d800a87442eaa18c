package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}: separators {@code ", "} and {@code ": "}, non-ASCII and control
 * characters escaped as lowercase {@code \\uXXXX}, keys in insertion order (or sorted by code
 * point), floats in Python's {@code repr} form. Reached through {@link PyJson}.
 */
final class PyJsonWriter {
  private PyJsonWriter() {}

  static String dumps(JsonNode value, boolean sortKeys) {
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

  static String quote(String s) {
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
  static String floatRepr(double d) {
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
}
