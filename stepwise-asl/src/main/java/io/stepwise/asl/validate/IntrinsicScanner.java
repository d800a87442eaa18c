package io.stepwise.asl.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an intrinsic call that already compiled into its arguments, far enough to tell literals,
 * paths and nested calls apart. Returns null on anything it does not follow.
 */
final class IntrinsicScanner {
  /** {@code States.Name(args)}. */
  record Call(String name, List<Arg> args) {}

  /**
   * One argument: a literal of the given type (ANY for paths and null), or a nested call; {@code
   * text} is a string literal's content with escapes removed.
   */
  record Arg(IntrinsicArgumentTypes.Type literal, String text, Call call) {}

  private final String s;
  private int pos;

  private IntrinsicScanner(String s) {
    this.s = s;
  }

  static Call scan(String text) {
    IntrinsicScanner sc = new IntrinsicScanner(text);
    try {
      Call c = sc.call();
      sc.skipSpace();
      return sc.pos == text.length() ? c : null;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
  }

  private Call call() {
    int open = s.indexOf('(', pos);
    if (open < 0) {
      throw new IllegalArgumentException();
    }
    String name = s.substring(pos, open).trim();
    pos = open + 1;
    List<Arg> args = new ArrayList<>();
    skipSpace();
    if (s.charAt(pos) == ')') {
      pos++;
      return new Call(name, args);
    }
    while (true) {
      args.add(arg());
      skipSpace();
      char c = s.charAt(pos++);
      if (c == ')') {
        return new Call(name, args);
      }
      if (c != ',') {
        throw new IllegalArgumentException();
      }
    }
  }

  private Arg arg() {
    skipSpace();
    char c = s.charAt(pos);
    if (c == '\'') {
      return new Arg(IntrinsicArgumentTypes.Type.STRING, stringLiteral(), null);
    }
    if (c == '$') {
      skipPath();
      return new Arg(IntrinsicArgumentTypes.Type.ANY, null, null);
    }
    if (c == '-' || Character.isDigit(c)) {
      while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      return new Arg(IntrinsicArgumentTypes.Type.NUMBER, null, null);
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (s.startsWith(word, pos) && !s.startsWith(word + "(", pos)) {
        pos += word.length();
        IntrinsicArgumentTypes.Type t =
            word.equals("null") ? IntrinsicArgumentTypes.Type.ANY : IntrinsicArgumentTypes.Type.BOOLEAN;
        return new Arg(t, null, null);
      }
    }
    if (s.startsWith("States.", pos)) {
      return new Arg(IntrinsicArgumentTypes.Type.ANY, null, call());
    }
    throw new IllegalArgumentException();
  }

  private String stringLiteral() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      char c = s.charAt(pos++);
      if (c == '\\') {
        sb.append(s.charAt(pos++));
      } else if (c == '\'') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
  }

  /** A path ends at a comma or closing parenthesis outside brackets, parentheses and quotes. */
  private void skipPath() {
    int depth = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\'' || c == '"') {
        skipQuoted(c);
        continue;
      }
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ']' || (c == ')' && depth > 0)) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')')) {
        return;
      }
      pos++;
    }
  }

  private void skipQuoted(char quote) {
    pos++;
    while (s.charAt(pos) != quote) {
      pos += s.charAt(pos) == '\\' ? 2 : 1;
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }
}
