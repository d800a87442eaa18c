package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic call: {@code States.Name(arg, ...)} where an argument is a string literal in
 * single quotes (escapes {@code \' \{ \} \\}), a number, true, false, null, a path or a call.
 */
final class IntrinsicParser {
  private static final String PREFIX = "States.";
  /**
   * Calls nested deeper than this are refused when the definition loads, before parsing them
   * could overflow the stack. Real definitions nest a handful; AWS's own bound is not published.
   */
  static final int MAX_NESTING = 100;

  private final String text;
  private int pos;
  private int nesting;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static Arg.Call parse(String text) {
    IntrinsicParser p = new IntrinsicParser(text);
    p.skipBlanks();
    Arg.Call call = p.call();
    p.skipBlanks();
    if (p.pos < text.length()) {
      throw p.fail("unexpected text after the call");
    }
    return call;
  }

  private Arg.Call call() {
    if (!text.startsWith(PREFIX, pos)) {
      throw fail("expected 'States.'");
    }
    if (++nesting > MAX_NESTING) {
      throw fail("calls are nested more than " + MAX_NESTING + " deep");
    }
    int start = pos;
    pos += PREFIX.length();
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    Intrinsic function = Intrinsic.named(name);
    if (function == null) {
      throw fail("unknown intrinsic function '" + name + "'");
    }
    skipBlanks();
    expect('(');
    List<Arg> args = new ArrayList<>();
    skipBlanks();
    if (peek() == ')') {
      pos++;
    } else {
      while (true) {
        skipBlanks();
        args.add(argument());
        skipBlanks();
        if (peek() == ')') {
          pos++;
          break;
        }
        expect(',');
      }
    }
    if (args.size() < function.minArgs || args.size() > function.maxArgs) {
      throw fail(name + " takes " + arity(function) + " but was given " + args.size());
    }
    nesting--;
    return new Arg.Call(function, args.toArray(new Arg[0]), formatTemplate(function, args));
  }

  private static String arity(Intrinsic f) {
    if (f.maxArgs == Integer.MAX_VALUE) {
      return "at least " + f.minArgs + (f.minArgs == 1 ? " argument" : " arguments");
    }
    String range = f.minArgs == f.maxArgs ? String.valueOf(f.minArgs) : f.minArgs + " to " + f.maxArgs;
    return range + (f.maxArgs == 1 ? " argument" : " arguments");
  }

  private static FormatTemplate formatTemplate(Intrinsic function, List<Arg> args) {
    if (function == Intrinsic.FORMAT && args.get(0) instanceof Arg.Literal l && l.source() != null) {
      return FormatTemplate.ofLiteral(l.source());
    }
    return null;
  }

  private Arg argument() {
    char c = peek();
    if (c == '\'') {
      return string();
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith(PREFIX, pos)) {
      return call();
    }
    if (c == '-' || Character.isDigit(c)) {
      return number();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, pos) && !Character.isLetterOrDigit(charAt(pos + word.length()))) {
        pos += word.length();
        return new Arg.Literal(literal(word), null);
      }
    }
    throw fail(pos >= text.length() ? "the call ended early" : "unexpected '" + c + "'");
  }

  private static JsonNode literal(String word) {
    return switch (word) {
      case "true" -> Json.NODES.booleanNode(true);
      case "false" -> Json.NODES.booleanNode(false);
      default -> Json.NODES.nullNode();
    };
  }

  /** A single-quoted string; keeps its source so States.Format can tell escaped braces apart. */
  private Arg string() {
    int start = ++pos;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        String source = text.substring(start, pos);
        pos++;
        return new Arg.Literal(Json.NODES.textNode(value.toString()), source);
      }
      if (c == '\\') {
        char next = charAt(pos + 1);
        if (next != '\'' && next != '{' && next != '}' && next != '\\') {
          throw fail("a backslash must escape one of ' { } \\");
        }
        value.append(next);
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    throw fail("unterminated string literal");
  }

  /** A path runs to the first comma, closing parenthesis or blank outside its brackets and quotes. */
  private Arg path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    String path = text.substring(start, pos);
    try {
      return new Arg.PathArg(JsonPath.compile(path));
    } catch (ExpressionSyntaxException e) {
      throw new ExpressionSyntaxException("Invalid intrinsic function call '" + text + "': " + e.getMessage());
    }
  }

  private Arg number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    try {
      JsonNode n = Json.parse(number);
      if (n.isNumber()) {
        return new Arg.Literal(n, null);
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    pos = start;
    throw fail("invalid number '" + number + "'");
  }

  private char peek() {
    return charAt(pos);
  }

  private char charAt(int i) {
    return i < text.length() ? text.charAt(i) : 0;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail(pos >= text.length() ? "expected '" + c + "' but the call ended" : "expected '" + c + "'");
    }
    pos++;
  }

  private void skipBlanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private ExpressionSyntaxException fail(String problem) {
    return new ExpressionSyntaxException(
        "Invalid intrinsic function call '" + ExpressionSyntaxException.excerpt(text) + "': " + problem + " at position " + pos);
  }
}
