package io.stepwise.asl.path;

import io.stepwise.asl.expr.ExpressionSyntaxException;

/**
 * Jayway's function-call syntax, {@code name(arguments)}, checked as Jayway checks it when it
 * compiles a path: the parentheses balance, and an argument that is a path ({@code $...} or
 * {@code @...}) compiles. AWS deploys such paths; apart from a final {@code length()} it finds
 * nothing at them when it runs ({@code $.Jobs.sum()} "could not be found in the input", as an AWS
 * re:Post question reports), so no function is evaluated here.
 */
final class FunctionCall {
  private FunctionCall() {}

  /**
   * Reads from the '(' after {@code name} to just past its closing ')', or onto it for a call
   * without arguments when {@code stayOnEmptyClose} (where Jayway goes on reading).
   */
  static void skip(Cursor in, String name, boolean stayOnEmptyClose) {
    int depth = 0;
    int close = -1;
    for (int i = in.pos; i < in.text.length() && close < 0; i++) {
      char c = in.text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        close = i;
      }
    }
    if (close < 0) {
      in.pos = in.text.length();
      throw in.fail("the arguments of " + name + "() are not closed");
    }
    if (close > in.pos + 1) {
      in.pos = arguments(in, name) + 1;
    } else {
      in.pos = stayOnEmptyClose ? close : close + 1;
    }
  }

  /** Jayway's argument scan: commas split at the top level; returns where the call closes. */
  private static int arguments(Cursor in, String name) {
    int parens = 1;
    int braces = 0;
    int brackets = 0;
    boolean quoted = false;
    int start = in.pos + 1;
    for (int i = start; i < in.text.length(); i++) {
      char c = in.text.charAt(i);
      if (c == '"' && in.text.charAt(i - 1) != '\\') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '(') {
        parens++;
      } else if (c == '{') {
        braces++;
      } else if (c == '[') {
        brackets++;
      } else if (c == '}' || c == ']') {
        if ((c == '}' ? braces-- : brackets--) == 0) {
          in.pos = i;
          throw in.fail("unexpected '" + c + "' in the arguments of " + name + "()");
        }
      } else if ((c == ')' && --parens == 0) || (c == ',' && parens == 1 && braces == 0 && brackets == 0)) {
        argument(in, in.text.substring(start, i).strip());
        if (c == ')') {
          return i;
        }
        start = i + 1;
      }
    }
    in.pos = in.text.length();
    throw in.fail("the arguments of " + name + "() are not closed");
  }

  /** A path argument must compile; anything else (JSON, or a word Jayway ignores) is read later. */
  private static void argument(Cursor in, String text) {
    if (text.startsWith("$") || text.startsWith("@")) {
      try {
        JsonPath.compile("$" + text.substring(1));
      } catch (ExpressionSyntaxException e) {
        throw in.fail("bad argument " + text);
      }
    }
  }
}
