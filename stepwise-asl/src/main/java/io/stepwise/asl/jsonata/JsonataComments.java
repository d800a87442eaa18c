package io.stepwise.asl.jsonata;

/**
 * Blanks {@code /* ... *&#47;} comments outside string literals. JSONata allows comments anywhere
 * whitespace may stand; the dashjoin parser fails with an index error on one that ends the
 * expression, so expressions are parsed with their comments turned into spaces (positions in
 * error messages stay the same).
 */
public final class JsonataComments {
  private JsonataComments() {}

  public static String blanked(String text) {
    if (text.indexOf("/*") < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          out.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          out.append(text, i, text.length()); // unterminated: leave it for the parser to report
          break;
        }
        out.append(" ".repeat(end + 2 - i));
        i = end + 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
