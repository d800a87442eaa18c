package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparison where placeholder tokens in the expected value ({@code <uuid:1>},
 * {@code <ArnPart_0idx>}) match any text, since the recording replaced values that differ on
 * every run. Reached through {@link Normalizer#matches}.
 */
final class Placeholders {
  /** Placeholder tokens in expected values. */
  static final Pattern TOKEN = Pattern.compile("(<[A-Za-z0-9_\\-]+(?::\\d+)?>)");

  private Placeholders() {}

  /**
   * Equality where placeholder tokens such as {@code <uuid:1>} in {@code expected} match any
   * text: the two values are equal, or their sorted-key serialisations match with each token
   * standing for any run of characters.
   */
  static boolean matches(JsonNode expected, JsonNode actual) {
    if (PyJson.pyEquals(expected, actual)) {
      return true;
    }
    return wildcardMatch(PyJson.dumps(nullToNode(expected), true), PyJson.dumps(nullToNode(actual), true));
  }

  /** Whether {@code text} matches {@code pattern}, whose placeholder tokens match any text. */
  static boolean wildcardMatch(String pattern, String text) {
    List<String> literals = new ArrayList<>();
    Matcher m = TOKEN.matcher(pattern);
    int last = 0;
    while (m.find()) {
      literals.add(pattern.substring(last, m.start()));
      last = m.end();
    }
    literals.add(pattern.substring(last));
    if (literals.size() == 1) {
      return pattern.equals(text);
    }
    String first = literals.get(0);
    String tail = literals.get(literals.size() - 1);
    if (!text.startsWith(first) || !text.endsWith(tail)) {
      return false;
    }
    int pos = first.length();
    int end = text.length() - tail.length();
    if (end < pos) {
      return false;
    }
    for (int i = 1; i < literals.size() - 1; i++) {
      String lit = literals.get(i);
      int idx = text.indexOf(lit, pos);
      if (idx < 0 || idx + lit.length() > end) {
        return false;
      }
      pos = idx + lit.length();
    }
    return true;
  }

  /** Whether a string holds a placeholder token. */
  static boolean hasToken(String s) {
    return TOKEN.matcher(s).find();
  }

  private static JsonNode nullToNode(JsonNode n) {
    return n == null ? PyJson.nodes().nullNode() : n;
  }
}
