package io.stepwise.server.arn;

/**
 * AWS's rule for the names of state machines, activities and executions (the length, 1 to 80, is
 * a model constraint checked with the request): no white space, none of {@code < > { } [ ] ? *
 * " # % \ ^ | ~ ` $ & , ; : /}, no control characters (U+0000-001F, U+007F-009F), no
 * noncharacters U+FFFE and U+FFFF, no unpaired surrogates.
 */
public final class Names {
  private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

  private Names() {}

  public static boolean valid(String name) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || FORBIDDEN.indexOf(c) >= 0
          || c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF
          || (c >= 0xD800 && c <= 0xDFFF) || c == 0x10FFFF) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
