package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of one expression being parsed, and the problems found in it: a syntax error is
 * thrown at once, in DynamoDB's form; other problems are kept, the first of each kind, and
 * reported once the expression has parsed, the most basic kind first.
 */
final class Tokens {
  /** The kinds of problem found after parsing, in the order DynamoDB reports them. */
  enum Problem { FUNCTION, MISUSED, RESERVED, NAME, VALUE, OTHER }

  private final String text;
  private final String expression;
  private final List<Token> tokens;
  private final Map<Problem, String> problems = new EnumMap<>(Problem.class);
  private int pos;

  /** @param expression the request member it came from, for messages: {@code ConditionExpression} */
  Tokens(String text, String expression) {
    this.text = text;
    this.expression = expression;
    this.tokens = Lexer.tokens(text);
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(pos);
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  boolean accept(String symbol) {
    if (peek().is(symbol)) {
      next();
      return true;
    }
    return false;
  }

  void expect(String symbol) {
    Token t = next();
    if (!t.is(symbol)) {
      throw syntaxError(t);
    }
  }

  void expectKeyword(String keyword) {
    Token t = next();
    if (!t.isKeyword(keyword)) {
      throw syntaxError(t);
    }
  }

  void expectEnd() {
    if (peek().kind() != Token.Kind.EOF) {
      throw syntaxError(peek());
    }
  }

  void checkNotEmpty() {
    if (peek().kind() == Token.Kind.EOF) {
      throw fail("The expression can not be empty;");
    }
  }

  void problem(Problem kind, String message) {
    problems.putIfAbsent(kind, message);
  }

  /** Throws the first problem of the most basic kind found, if any. */
  void report() {
    if (!problems.isEmpty()) {
      throw fail(problems.values().iterator().next());
    }
  }

  DynamoDbException fail(String detail) {
    return DynamoDbException.validation("Invalid " + expression + ": " + detail);
  }

  /** DynamoDB's syntax error: the token, and the text from the token before it to the one after. */
  DynamoDbException syntaxError(Token t) {
    int i = tokens.indexOf(t);
    int from = i > 0 ? tokens.get(i - 1).start() : t.start();
    int to = i + 1 < tokens.size() ? tokens.get(i + 1).end() : t.end();
    return fail("Syntax error; token: \"" + t.shown() + "\", near: \"" + text.substring(from, Math.max(from, to)) + "\"");
  }
}
