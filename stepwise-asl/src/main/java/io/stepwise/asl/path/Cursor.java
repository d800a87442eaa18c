package io.stepwise.asl.path;

import io.stepwise.asl.expr.ExpressionSyntaxException;

/** A read position in a path's text, shared by the path and filter parsers. */
final class Cursor {
  final String text;
  int pos;

  Cursor(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or 0 at the end. */
  char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  boolean startsWith(String s) {
    return text.startsWith(s, pos);
  }

  void skipBlanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  void expect(char c) {
    if (peek() != c) {
      throw fail(atEnd() ? "expected '" + c + "' but the path ended" : "expected '" + c + "'");
    }
    pos++;
  }

  /** An optionally negative decimal integer, or null when there is none here. */
  Integer integer() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (pos == start || (pos == start + 1 && text.charAt(start) == '-')) {
      pos = start;
      return null;
    }
    try {
      return Integer.valueOf(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw fail("index out of range");
    }
  }

  ExpressionSyntaxException fail(String problem) {
    return new ExpressionSyntaxException("Invalid JSONPath '" + text + "': " + problem + " at position " + pos);
  }
}
