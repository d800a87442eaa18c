package io.stepwise.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a result with a corpus value after the corpus's normalisation: regex ops are applied to
 * our text, and an expected string holding a placeholder ({@code <uuid:1>}, {@code date}, a
 * replacement named by a jsonpath_value op) matches any value there. Field order must match too.
 */
final class CorpusMatch {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z0-9_:-]+>");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");

  private CorpusMatch() {}

  /** Our JSON text with the case's regex ops applied, as the recorder applied them to AWS's. */
  static String normalise(String text, JsonNode ops) {
    for (JsonNode op : ops) {
      if ("regex".equals(op.path("op").asText())) {
        text = text.replaceAll(op.path("pattern").asText(), java.util.regex.Matcher.quoteReplacement(op.path("replacement").asText()));
      }
    }
    return ISO_DATE.matcher(text).replaceAll("date");
  }

  static boolean matches(JsonNode expected, JsonNode actual, Set<String> wildcards) {
    if (expected.isTextual()) {
      String e = expected.textValue();
      if (wildcards.contains(e)) {
        return true;
      }
      if (!actual.isTextual()) {
        return false;
      }
      return PLACEHOLDER.matcher(e).find() ? wildcardPattern(e).matcher(actual.textValue()).matches() : e.equals(actual.textValue());
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i), wildcards)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isObject()) {
      if (!actual.isObject() || actual.size() != expected.size()) {
        return false;
      }
      Iterator<String> order = actual.fieldNames();
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals(order.next())) { // AWS's field order is part of the result
          return false;
        }
        JsonNode a = actual.get(e.getKey());
        if (a == null || !matches(e.getValue(), a, wildcards)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }

  static boolean matchesText(String expected, String actual) {
    return PLACEHOLDER.matcher(expected).find() ? wildcardPattern(expected).matcher(actual).matches() : expected.equals(actual);
  }

  private static Pattern wildcardPattern(String expected) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher m = PLACEHOLDER.matcher(expected);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(expected.substring(last, m.start()))).append("(?s).*");
      last = m.end();
    }
    regex.append(Pattern.quote(expected.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
