package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of one item of a Map Run, for its ResultWriter.
 *
 * @param executionArn the child execution's ARN (Express children's differ from Standard's)
 * @param output the child's output when it succeeded
 * @param error the child's error when it failed or was aborted
 */
public record ChildRun(int index, String executionArn, Status status, JsonNode input, JsonNode output, String error, String cause) {
  public enum Status {
    SUCCEEDED,
    FAILED,
    ABORTED,
    PENDING
  }
}
