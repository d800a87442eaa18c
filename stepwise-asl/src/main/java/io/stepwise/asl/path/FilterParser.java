package io.stepwise.asl.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a filter expression, the inside of {@code [?(...)]}: comparisons of paths ({@code @...},
 * {@code $...}) and literals (strings, numbers, true, false, null, JSON arrays and objects) with
 * {@code == != === !== < <= > >= =~}, bare paths as existence tests, and {@code && || !} with
 * parentheses ({@code &&} binds tighter).
 */
final class FilterParser {
  private final Cursor in;

  FilterParser(Cursor in) {
    this.in = in;
  }

  Predicate expression() {
    Predicate left = conjunction();
    while (skipAndConsume("||")) {
      left = new Predicate.Or(left, conjunction());
    }
    return left;
  }

  private Predicate conjunction() {
    Predicate left = unary();
    while (skipAndConsume("&&")) {
      left = new Predicate.And(left, unary());
    }
    return left;
  }

  private Predicate unary() {
    in.skipBlanks();
    if (in.peek() == '!' && !in.startsWith("!=")) {
      in.pos++;
      in.enter();
      Predicate negated = new Predicate.Not(unary());
      in.leave();
      return negated;
    }
    if (in.peek() == '(') {
      in.pos++;
      in.enter();
      Predicate inner = expression();
      in.skipBlanks();
      in.expect(')');
      in.leave();
      return inner;
    }
    return comparison();
  }

  private Predicate comparison() {
    Operand left = operand();
    in.skipBlanks();
    if (in.startsWith("=~")) {
      in.pos += 2;
      in.skipBlanks();
      return new Predicate.Matches(left, regex());
    }
    Predicate.Comparator op = comparator();
    if (op == null) {
      if (left instanceof Operand.PathOperand p) {
        return new Predicate.Exists(p);
      }
      throw in.fail("expected a comparison operator");
    }
    in.skipBlanks();
    return new Predicate.Compare(left, op, operand());
  }

  private Predicate.Comparator comparator() {
    for (String symbol : new String[] {"===", "!==", "==", "!=", "<=", ">=", "<", ">"}) {
      if (in.startsWith(symbol)) {
        in.pos += symbol.length();
        return switch (symbol) {
          case "===" -> Predicate.Comparator.TYPED_EQ;
          case "!==" -> Predicate.Comparator.TYPED_NE;
          case "==" -> Predicate.Comparator.EQ;
          case "!=" -> Predicate.Comparator.NE;
          case "<=" -> Predicate.Comparator.LE;
          case ">=" -> Predicate.Comparator.GE;
          case "<" -> Predicate.Comparator.LT;
          default -> Predicate.Comparator.GT;
        };
      }
    }
    if (Character.isLetter(in.peek())) {
      int start = in.pos;
      while (Character.isLetter(in.peek())) {
        in.pos++;
      }
      throw in.fail("unsupported filter operator '" + in.text.substring(start, in.pos) + "'");
    }
    return null;
  }

  private Operand operand() {
    in.skipBlanks();
    char c = in.peek();
    if (c == '@' || c == '$') {
      in.pos++;
      return new Operand.PathOperand(c == '@', new PathParser(in, true).steps());
    }
    if (c == '\'' || c == '"') {
      return new Operand.Literal(Json.NODES.textNode(string()));
    }
    if (c == '-' || Character.isDigit(c)) {
      return new Operand.Literal(number());
    }
    if (c == '[' || c == '{') {
      return new Operand.Literal(jsonLiteral());
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (in.startsWith(word)) {
        in.pos += word.length();
        return new Operand.Literal(
            word.equals("null") ? Json.NODES.nullNode() : Json.NODES.booleanNode(word.equals("true")));
      }
    }
    throw in.fail(in.atEnd() ? "the filter ended early" : "unexpected '" + c + "' in filter");
  }

  /** A quoted string literal with backslash escapes, as Jayway unescapes them. */
  private String string() {
    char quote = in.peek();
    in.pos++;
    StringBuilder out = new StringBuilder();
    while (!in.atEnd()) {
      char c = in.text.charAt(in.pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c != '\\' || in.atEnd()) {
        out.append(c);
        continue;
      }
      char e = in.text.charAt(in.pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> out.append(unicode());
        default -> out.append(e);
      }
    }
    throw in.fail("unterminated string");
  }

  private char unicode() {
    if (in.pos + 4 > in.text.length()) {
      throw in.fail("bad unicode escape");
    }
    try {
      char c = (char) Integer.parseInt(in.text.substring(in.pos, in.pos + 4), 16);
      in.pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw in.fail("bad unicode escape");
    }
  }

  private JsonNode number() {
    int start = in.pos;
    if (in.peek() == '-') {
      in.pos++;
    }
    boolean integral = true;
    while (!in.atEnd()) {
      char c = in.peek();
      if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && isExponent(in.pos - 1))) {
        integral = false;
      } else if (!Character.isDigit(c)) {
        break;
      }
      in.pos++;
    }
    String text = in.text.substring(start, in.pos);
    try {
      return integral ? Json.NODES.numberNode(new BigInteger(text)) : Json.NODES.numberNode(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw in.fail("bad number '" + text + "'");
    }
  }

  /** A JSON array or object written in the filter, such as {@code [1, 2]}. */
  private JsonNode jsonLiteral() {
    int start = in.pos;
    int depth = 0;
    char quote = 0;
    do {
      char c = in.text.charAt(in.pos++);
      if (quote != 0) {
        if (c == '\\') {
          in.pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    } while (depth > 0 && !in.atEnd());
    in.pos = Math.min(in.pos, in.text.length());
    String text = in.text.substring(start, in.pos);
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      in.pos = start;
      throw in.fail("bad JSON literal " + text);
    }
  }

  private boolean isExponent(int i) {
    char c = in.text.charAt(i);
    return c == 'e' || c == 'E';
  }

  /** {@code /pattern/flags}, compiled here so that evaluation never compiles a regex. */
  private Pattern regex() {
    in.expect('/');
    int start = in.pos;
    while (!in.atEnd() && in.peek() != '/') {
      in.pos += in.peek() == '\\' ? 2 : 1;
    }
    if (in.atEnd()) {
      throw in.fail("unterminated regular expression");
    }
    String pattern = in.text.substring(start, in.pos);
    in.pos++;
    int flags = 0;
    while (Character.isLetter(in.peek())) {
      flags |= switch (in.text.charAt(in.pos++)) {
        case 'i' -> Pattern.CASE_INSENSITIVE;
        case 'm' -> Pattern.MULTILINE;
        case 's' -> Pattern.DOTALL;
        case 'x' -> Pattern.COMMENTS;
        case 'u' -> Pattern.UNICODE_CASE;
        case 'd' -> Pattern.UNIX_LINES;
        case 'U' -> Pattern.UNICODE_CHARACTER_CLASS;
        default -> throw in.fail("unknown regular expression flag");
      };
    }
    try {
      return Pattern.compile(pattern, flags);
    } catch (PatternSyntaxException e) {
      throw in.fail("bad regular expression: " + e.getDescription());
    }
  }

  private boolean skipAndConsume(String token) {
    in.skipBlanks();
    if (in.startsWith(token)) {
      in.pos += token.length();
      return true;
    }
    return false;
  }
}
