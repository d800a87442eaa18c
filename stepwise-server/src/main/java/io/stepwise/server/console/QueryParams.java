package io.stepwise.server.console;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A console data request's query parameters, each read once with its rule: a value that breaks it,
 * a parameter given twice or one the endpoint does not know is a {@link BadParameterException}
 * naming it (a misspelt filter silently ignored would show the wrong executions).
 */
final class QueryParams {
  private final Context ctx;

  QueryParams(Context ctx, Set<String> known) {
    this.ctx = ctx;
    for (var e : ctx.queryParamMap().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new BadParameterException(e.getKey(), "Unknown parameter '" + e.getKey() + "': this endpoint takes "
            + String.join(", ", known.stream().sorted().toList()));
      }
      if (e.getValue().size() > 1) {
        throw new BadParameterException(e.getKey(), "The parameter '" + e.getKey() + "' is given " + e.getValue().size() + " times");
      }
    }
  }

  /** The parameter's value; null when absent or empty (an empty form field is no filter). */
  String text(String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isEmpty() ? null : v;
  }

  String required(String name) {
    String v = text(name);
    if (v == null) {
      throw new BadParameterException(name, "The parameter '" + name + "' is required");
    }
    return v;
  }

  int integer(String name, int min, int max, int absent) {
    String v = text(name);
    if (v == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadParameterException(name, name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
  }

  /** One of the enum's names (any case); null when absent. */
  <E extends Enum<E>> E oneOf(String name, Class<E> type) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      throw new BadParameterException(name, name + " must be one of " + String.join(", ", names) + ", not '" + v + "'");
    }
  }

  /**
   * A time as epoch millis: an ISO-8601 date-time with its offset ({@code 2026-12-03T12:00:00Z},
   * {@code 2026-12-03T13:00+01:00}) or epoch milliseconds; null when absent.
   */
  Long time(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) {
      return Long.parseLong(v);
    }
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(v).toEpochMilli();
      } catch (DateTimeParseException again) {
        throw new BadParameterException(name, name + " must be an ISO-8601 date-time with its offset (2026-12-03T12:00:00Z)"
            + " or epoch milliseconds, not '" + v + "'");
      }
    }
  }
}
