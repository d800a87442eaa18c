package io.stepwise.server.protocol;

import java.util.regex.Pattern;

/**
 * A string member's constraints as the API model states them: length bounds (null when the
 * model has none), a pattern, and whether the value is sensitive (left out of messages).
 */
public record StringShape(Integer min, Integer max, String pattern, boolean sensitive) {
  public StringShape {
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  public static StringShape length(Integer min, Integer max) {
    return new StringShape(min, max, null, false);
  }

  public StringShape sensitiveValue() {
    return new StringShape(min, max, pattern, true);
  }

  public StringShape withPattern(String regex) {
    return new StringShape(min, max, regex, sensitive);
  }

  /** The compiled pattern; shapes are constants, so this is compiled once per shape use site. */
  Pattern compiled() {
    return pattern == null ? null : Patterns.get(pattern);
  }
}
