package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one item of a Map Run, for its ResultWriter.
 *
 * @param executionArn the child execution's ARN (Express children's differ from Standard's)
 * @param output the child's output when it succeeded
 * @param error the child's error when it failed or was aborted
 * @param redriveCount how many times redrives of its run ran it again
 */
public record ChildRun(int index, String executionArn, Status status, JsonNode input, JsonNode output, String error, String cause,
    int redriveCount) {
  /** A child never redriven. */
  public ChildRun(int index, String executionArn, Status status, JsonNode input, JsonNode output, String error, String cause) {
    this(index, executionArn, status, input, output, error, cause, 0);
  }

  public enum Status {
    SUCCEEDED,
    FAILED,
    ABORTED,
    PENDING
  }
}
