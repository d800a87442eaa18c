package io.stepwise.engine;

/** A Map Run's status, as DescribeMapRun reports it. */
public enum MapRunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  ABORTED
}
