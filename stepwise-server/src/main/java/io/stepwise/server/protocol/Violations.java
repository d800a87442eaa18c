package io.stepwise.server.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Constraint violations of one request, collected over the whole body so that the client hears
 * of all of them at once, in the words AWS uses ("1 validation error detected: Value '101' at
 * 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value
 * less than or equal to 100").
 */
public final class Violations {
  private final List<String> found = new ArrayList<>();

  /**
   * Records one violation. {@code renderedValue} is the value as AWS quotes it ({@code 'x'}), the
   * word {@code null} for a missing member, or null for a sensitive member, whose value AWS leaves
   * out of the message.
   */
  public void add(String renderedValue, String path, String constraint) {
    String value = renderedValue == null ? "Value" : "Value " + renderedValue;
    found.add(value + " at '" + path + "' failed to satisfy constraint: " + constraint);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** The ValidationException for what was found; call only when something was. */
  public ApiException toException() {
    int n = found.size();
    String head = n + (n == 1 ? " validation error detected: " : " validation errors detected: ");
    return ApiException.client("ValidationException", head + String.join("; ", found));
  }
}
