package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * JSONata-mode values. A string that starts with {@code {%} or ends with {@code %}} is meant as an
 * expression; it must be written {@code "{%expression%}"} without line breaks, as AWS's ASL schema's
 * pattern {@code ^{%(.*)%}$} requires, and parse. Blanks inside the delimiters are optional: the
 * schema does not ask for them (only asl-validator, behind the validation corpus, does).
 */
final class JsonataChecks {
  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  private JsonataChecks() {}

  /** Whether a value is a string meant as a JSONata expression, well written or not. */
  static boolean isExpression(JsonNode v) {
    return v != null && v.isTextual() && (v.textValue().startsWith("{%") || v.textValue().endsWith("%}"));
  }

  /** A field holding any JSON whose strings may be expressions (Output, Assign, Arguments, ...). */
  static void field(Site s, String field) {
    JsonNode v = s.get(field);
    if (v != null) {
      value(s.report, v, s.at(field));
    }
  }

  static void value(Report report, JsonNode v, String pointer) {
    if (v.isTextual()) {
      if (isExpression(v)) {
        expression(report, v.textValue(), pointer);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        value(report, v.get(i), io.stepwise.asl.json.JsonPointers.child(pointer, i));
      }
    } else if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        value(report, e.getValue(), io.stepwise.asl.json.JsonPointers.child(pointer, e.getKey()));
      }
    }
  }

  /** One string that must be a well-written expression. */
  static void expression(Report report, String text, String pointer) {
    if (!text.startsWith(OPEN)) {
      report.add(pointer, "a JSONata expression must start with \"{%\"");
    } else if (!text.endsWith(CLOSE) || text.length() < OPEN.length() + CLOSE.length()) {
      report.add(pointer, "a JSONata expression must end with \"%}\"");
    } else if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      report.add(pointer, "a JSONata expression must not contain line breaks");
    } else {
      String error = parseError(text.substring(OPEN.length(), text.length() - CLOSE.length()));
      if (error != null) {
        report.add(pointer, "invalid JSONata expression: " + error);
      }
    }
  }

  private static String parseError(String expression) {
    return io.stepwise.asl.jsonata.JsonataExpression.syntaxProblem(expression);
  }
}
