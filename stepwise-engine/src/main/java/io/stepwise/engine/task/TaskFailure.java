package io.stepwise.engine.task;

/** Thrown by a task handler to fail the task with an error name and cause, as a Lambda function or service would. */
public class TaskFailure extends RuntimeException {
  private final String error;
  private final String cause;

  public TaskFailure(String error, String cause) {
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
