package io.stepwise.asl.choice;

/**
 * A StringMatches pattern: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a literal backslash. Compiled to literal segments once; matching allocates nothing.
 */
public final class StringPattern {
  private final String[] segments; // literal runs between stars
  private final boolean leadingStar;
  private final boolean trailingStar;

  private StringPattern(String[] segments, boolean leadingStar, boolean trailingStar) {
    this.segments = segments;
    this.leadingStar = leadingStar;
    this.trailingStar = trailingStar;
  }

  public static StringPattern compile(String pattern) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean leading = false;
    boolean trailing = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        cur.append(pattern.charAt(++i));
        trailing = false;
      } else if (c == '*') {
        if (i == 0) {
          leading = true;
        }
        parts.add(cur.toString());
        cur.setLength(0);
        trailing = true;
      } else {
        cur.append(c);
        trailing = false;
      }
    }
    parts.add(cur.toString());
    return new StringPattern(parts.toArray(String[]::new), leading, trailing);
  }

  public boolean matches(String s) {
    if (segments.length == 1) {
      return s.equals(segments[0]);
    }
    String first = segments[0];
    String last = segments[segments.length - 1];
    if (!s.startsWith(first) || s.length() < first.length() + last.length() || !s.endsWith(last)) {
      return false;
    }
    int pos = first.length();
    int end = s.length() - last.length();
    for (int i = 1; i < segments.length - 1; i++) {
      String seg = segments[i];
      int at = s.indexOf(seg, pos);
      if (at < 0 || at + seg.length() > end) {
        return false;
      }
      pos = at + seg.length();
    }
    return leadingStar || trailingStar || pos <= end;
  }
}
