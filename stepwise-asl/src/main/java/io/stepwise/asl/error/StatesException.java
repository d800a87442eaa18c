package io.stepwise.asl.error;

/**
 * A run-time failure expressed as AWS expresses it: an error name and a cause. Raised by
 * expression evaluation (paths, intrinsics, templates, choice rules) and caught by the engine,
 * which turns it into data matched against Retry and Catch.
 */
public final class StatesException extends RuntimeException {
  private final String error;
  private final String cause;
  private final String location;

  public StatesException(String error, String cause) {
    this(error, cause, null);
  }

  /** @param location the field the failure arose in, e.g. "Output/result", or null */
  public StatesException(String error, String cause, String location) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
    this.location = location;
  }

  public String location() {
    return location;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
