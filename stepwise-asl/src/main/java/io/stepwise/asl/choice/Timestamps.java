package io.stepwise.asl.choice;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps as ASL takes them: an uppercase T, and Z or a numeric offset. */
public final class Timestamps {
  private Timestamps() {}

  /** Epoch nanoseconds of an RFC 3339 timestamp, or null when the text is not one. */
  public static java.time.Instant parse(String text) {
    // The strict ISO offset format rejects lowercase 't'/'z', missing offsets and dates alone.
    if (text.length() < 20 || text.charAt(10) != 'T') {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
