package io.stepwise.cli.serve;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a person writes them: a whole number and a unit ({@code 90d}, {@code 12h},
 * {@code 30m}, {@code 45s}; units may be combined, {@code 1d12h}), or ISO-8601 ({@code P90D},
 * {@code PT36H}).
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
  private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

  private Durations() {}

  /** The duration, or IllegalArgumentException saying what the text should look like. */
  public static Duration parse(String text) {
    String t = text.strip();
    if (WHOLE.matcher(t).matches()) {
      Duration d = Duration.ZERO;
      Matcher m = PART.matcher(t);
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        d = d.plus(switch (m.group(2)) {
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        });
      }
      return d;
    }
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        // the message below says what is taken
      }
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 90d, 12h, 30m, 45s, or ISO-8601 such as P90D)");
  }

  /** As a person reads it: 90d, 36h, 15m, 45s (the largest unit that divides it), else ISO-8601. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (d.getNano() == 0 && s > 0) {
      if (s % 86_400 == 0) {
        return s / 86_400 + "d";
      }
      if (s % 3_600 == 0) {
        return s / 3_600 + "h";
      }
      if (s % 60 == 0) {
        return s / 60 + "m";
      }
      return s + "s";
    }
    return d.toString();
  }
}
