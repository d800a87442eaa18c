package io.stepwise.testing;

/**
 * One way a run differs from what its case expects.
 *
 * @param field what differs: status, output, error, cause, states, or {@code variables.NAME}
 * @param expected what was expected, as JSON
 * @param actual what the run gave, as JSON ("(none)" when it gave nothing)
 * @param detail where inside it differs, in words (the first differing JSON Pointer of an output,
 *     the first index of the states), or null
 */
public record Difference(String field, String expected, String actual, String detail) {
  /** A one-line summary, as a failure's message. */
  public String summary() {
    return field + " differs" + (detail == null ? "" : ": " + detail);
  }

  /** The summary, then expected and actual side by side, each on a line of its own. */
  public String text() {
    return summary() + "\n  expected: " + expected + "\n  actual:   " + actual;
  }
}
