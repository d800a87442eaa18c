package io.stepwise.asl.jsonata;

/**
 * JSONata source text with parts blanked to spaces, so positions stay the same. Comments ({@code
 * /* ... *&#47;}) may stand wherever whitespace may, and the dashjoin parser fails with an index
 * error on one that ends the expression, so expressions are parsed with their comments blanked.
 * Blanking string literals too leaves only code, where {@code $name} is a variable.
 */
public final class JsonataText {
  private JsonataText() {}

  /** The text with its comments blanked. */
  public static String withoutComments(String text) {
    return text.indexOf("/*") < 0 ? text : blank(text, false);
  }

  /** The text with its comments and the contents of its string literals blanked. */
  public static String codeOnly(String text) {
    return blank(text, true);
  }

  private static String blank(String text, boolean strings) {
    StringBuilder out = new StringBuilder(text.length());
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        boolean escape = c == '\\' && i + 1 < text.length();
        if (c == quote) {
          quote = 0;
        }
        out.append(strings && quote != 0 ? ' ' : c);
        if (escape) {
          char next = text.charAt(++i);
          out.append(strings ? ' ' : next);
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          out.append(text, i, text.length()); // unterminated: left for the parser to report
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
