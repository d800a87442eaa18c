package io.stepwise.asl.intrinsic;

import java.util.ArrayList;
import java.util.List;

/** A States.Format template split at its {@code {}} placeholders. */
final class FormatTemplate {
  private final String[] pieces; // the text around the placeholders; one more than placeholders

  private FormatTemplate(List<String> pieces) {
    this.pieces = pieces.toArray(new String[0]);
  }

  /**
   * A template written as a string literal, from its source text: an escaped brace ({@code \{},
   * {@code \}}) is text, not part of a placeholder.
   */
  static FormatTemplate ofLiteral(String source) {
    List<String> pieces = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        cur.append(source.charAt(++i));
      } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
        pieces.add(cur.toString());
        cur.setLength(0);
        i++;
      } else {
        cur.append(c);
      }
    }
    pieces.add(cur.toString());
    return new FormatTemplate(pieces);
  }

  /** A template read from data at run time: every {@code {}} is a placeholder. */
  static FormatTemplate of(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf("{}"); i >= 0; i = text.indexOf("{}", start)) {
      pieces.add(text.substring(start, i));
      start = i + 2;
    }
    pieces.add(text.substring(start));
    return new FormatTemplate(pieces);
  }

  int placeholders() {
    return pieces.length - 1;
  }

  String piece(int i) {
    return pieces[i];
  }
}
