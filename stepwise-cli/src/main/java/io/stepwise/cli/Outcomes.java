package io.stepwise.cli;

/** How an execution that did not succeed is reported in one line. */
final class Outcomes {
  private Outcomes() {}

  /** {@code STATUS: error: cause}, leaving out what is absent: {@code FAILED: cause}, {@code TIMED_OUT}. */
  static String line(String status, String error, String cause) {
    StringBuilder b = new StringBuilder(status);
    if (error != null && !error.isEmpty()) {
      b.append(": ").append(error);
    }
    if (cause != null && !cause.isEmpty()) {
      b.append(": ").append(cause);
    }
    return b.toString();
  }
}
