package io.stepwise.integrations.dynamodb.expressions;

/**
 * One token of an expression, with where it starts and ends in the text (for DynamoDB's
 * {@code near: "..."} in a syntax error).
 */
record Token(Kind kind, String text, int start, int end) {
  enum Kind {
    /** A bare attribute name, keyword or function name. */
    IDENTIFIER,
    /** {@code #name}: a placeholder from ExpressionAttributeNames. */
    NAME_REF,
    /** {@code :value}: a placeholder from ExpressionAttributeValues. */
    VALUE_REF,
    /** Digits, as in a list index. */
    NUMBER,
    /** Punctuation and operators: {@code ( ) [ ] . , = <> < <= > >= + -}. */
    SYMBOL,
    EOF
  }

  boolean is(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** A keyword (AND, OR, NOT, BETWEEN, IN, SET, ...), as DynamoDB reads them: in any case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** As DynamoDB names a token in a syntax error. */
  String shown() {
    return kind == Kind.EOF ? "<EOF>" : text;
  }
}
