package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of the value {@code json.loads} would give
 * ({@code {'a': [1, None]}}), which some corpus ops and Lambda stand-ins produce. Reached
 * through {@link PyJson}.
 */
final class PyRepr {
  private PyRepr() {}

  static String pyStr(JsonNode v) {
    if (v != null && v.isTextual()) {
      return v.textValue();
    }
    StringBuilder sb = new StringBuilder();
    repr(sb, v);
    return sb.toString();
  }

  /** Python's {@code repr()} of the value. */
  static String pyRepr(JsonNode v) {
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
      for (Map.Entry<String, JsonNode> e : PyJsonWriter.entries(v, false)) {
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
        sb.append(PyJsonWriter.floatRepr(d));
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
