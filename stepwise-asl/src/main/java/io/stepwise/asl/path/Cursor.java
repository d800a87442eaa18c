package io.stepwise.asl.path;

import io.stepwise.asl.expr.ExpressionSyntaxException;

/** A read position in a path's text, shared by the path and filter parsers. */
final class Cursor {
  /**
   * Filters, parentheses and negations nested deeper than this are refused, before parsing them
   * could overflow the stack; real paths nest a few. (Jayway sets no bound; this one is ours.)
   */
  static final int MAX_NESTING = 100;

  final String text;
  int pos;
  private int nesting;

  Cursor(String text, int pos) {
    this.text = text;
    this.pos = pos;
  }

  /** One level deeper into a filter, parenthesis or negation. */
  void enter() {
    if (++nesting > MAX_NESTING) {
      throw fail("filters, parentheses and negations are nested more than " + MAX_NESTING + " deep");
    }
  }

  void leave() {
    nesting--;
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

  /** Jayway's "next significant character": the first that is not a blank (' '), or 0. */
  char peekPastSpaces() {
    int i = pos;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i < text.length() ? text.charAt(i) : 0;
  }

  void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  void expect(char c) {
    if (peek() != c) {
      throw fail(atEnd() ? "expected '" + c + "' but the path ended" : "expected '" + c + "'");
    }
    pos++;
  }

  ExpressionSyntaxException fail(String problem) {
    return new ExpressionSyntaxException(
        "Invalid JSONPath '" + ExpressionSyntaxException.excerpt(text) + "': " + problem + " at position " + pos);
  }
}
