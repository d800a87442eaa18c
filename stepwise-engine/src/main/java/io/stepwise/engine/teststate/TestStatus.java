package io.stepwise.engine.teststate;

/** How a tested state ended, in the API's terms (TestExecutionStatus). */
public enum TestStatus {
  SUCCEEDED,
  FAILED,
  /** The state failed and one of its retriers would try it again. */
  RETRIABLE,
  /** The state failed and one of its catchers took the error. */
  CAUGHT_ERROR
}
