package io.stepwise.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens: the key of the last item handed out, under the listing's name, so that a
 * token is refused by any other listing. A store lists by keys of its own choosing and keeps them
 * here as text parts.
 */
public final class PageTokens {
  private static final char SEP = '\u001f'; // a separator no ARN or number holds

  private PageTokens() {}

  public static String encode(String listing, String... key) {
    StringBuilder b = new StringBuilder(listing);
    for (String k : key) {
      b.append(SEP).append(k);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The key parts of a token of this listing, {@code parts} of them; else {@link InvalidPageTokenException}. */
  public static String[] decode(String listing, String token, int parts) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidPageTokenException(token);
    }
    String[] split = text.split(String.valueOf(SEP), -1);
    if (split.length != parts + 1 || !split[0].equals(listing)) {
      throw new InvalidPageTokenException(token);
    }
    String[] key = new String[parts];
    System.arraycopy(split, 1, key, 0, parts);
    return key;
  }

  /** A whole-number key part, else {@link InvalidPageTokenException}. */
  public static long number(String part, String token) {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw new InvalidPageTokenException(token);
    }
  }
}
