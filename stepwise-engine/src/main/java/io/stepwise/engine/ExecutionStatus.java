package io.stepwise.engine;

/** An execution's status, as the Step Functions API names it. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED
}
