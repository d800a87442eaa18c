package io.stepwise.asl.error;

/**
 * A run-time failure expressed as AWS expresses it: an error name and a cause. Raised by
 * expression evaluation (paths, intrinsics, templates, choice rules) and caught by the engine,
 * which turns it into data matched against Retry and Catch.
 */
public final class StatesException extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesException(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
