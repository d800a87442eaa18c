package io.stepwise.integrations.dynamodb.expressions;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; a character no token starts with is a syntax error there. */
final class Lexer {
  private Lexer() {}

  static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (isNameStart(c)) {
        while (i < n && isNameChar(text.charAt(i))) {
          i++;
        }
        out.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, i), start, i));
      } else if (c == '#' || c == ':') {
        i++;
        while (i < n && isNameChar(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
        } else {
          out.add(new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, text.substring(start, i), start, i));
        }
      } else if (c >= '0' && c <= '9') {
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        out.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
      } else if (c == '<' && i + 1 < n && (text.charAt(i + 1) == '=' || text.charAt(i + 1) == '>')
          || c == '>' && i + 1 < n && text.charAt(i + 1) == '=') {
        i += 2;
        out.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start, i));
      } else if ("()[].,=<>+-".indexOf(c) >= 0) {
        i++;
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
      } else {
        i += Character.charCount(text.codePointAt(i));
        out.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start, i));
      }
    }
    out.add(new Token(Token.Kind.EOF, "", n, n));
    return out;
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }
}
