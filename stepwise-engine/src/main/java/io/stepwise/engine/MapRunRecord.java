package io.stepwise.engine;

import java.util.Objects;

/**
 * What a Distributed Map's run is, as the execution that runs it knows it: its names, its
 * settings (as the definition gave them, or as UpdateMapRun changed them), how many children and
 * items it has, and how it ended. The counts of its children by status are not here: each child
 * is an execution of its own, whose row says how it stands.
 *
 * @param stateMachineArn the children's state machine, {@code ...:stateMachine:MACHINE/LABEL}
 * @param stopDate epoch millis of its end; null while RUNNING
 * @param maxConcurrency 0 for no limit of its own
 * @param toleratedFailureCount 0 when the definition gives none
 * @param toleratedFailurePercentage 0 when the definition gives none
 * @param children how many child executions it has (its items, or its batches); 0 until its ItemReader has read them
 * @param items how many items its children process
 * @param childrenWritten how many children's results it wrote (into the state's output, or by its ResultWriter)
 * @param itemsWritten how many items those children processed
 * @param redriveCount how many times a redrive of its execution redrove it (0: never)
 * @param redriveDate epoch millis of its last redrive; null if it never was
 * @param pendingRedrive how many of its unsuccessful children its redrive has yet to run again
 *     (MaxConcurrency holds them back); 0 once it has ended
 * @param pendingRedriveItems how many items those children process
 */
public record MapRunRecord(
    String mapRunArn,
    String executionArn,
    String stateMachineArn,
    MapRunStatus status,
    long startDate,
    Long stopDate,
    int maxConcurrency,
    long toleratedFailureCount,
    double toleratedFailurePercentage,
    int children,
    long items,
    int childrenWritten,
    long itemsWritten,
    int redriveCount,
    Long redriveDate,
    int pendingRedrive,
    long pendingRedriveItems) {

  /** A run never redriven. */
  public MapRunRecord(String mapRunArn, String executionArn, String stateMachineArn, MapRunStatus status, long startDate, Long stopDate,
      int maxConcurrency, long toleratedFailureCount, double toleratedFailurePercentage, int children, long items, int childrenWritten,
      long itemsWritten) {
    this(mapRunArn, executionArn, stateMachineArn, status, startDate, stopDate, maxConcurrency, toleratedFailureCount,
        toleratedFailurePercentage, children, items, childrenWritten, itemsWritten, 0, null, 0, 0);
  }

  public MapRunRecord {
    Objects.requireNonNull(mapRunArn, "mapRunArn");
    Objects.requireNonNull(executionArn, "executionArn");
    Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    Objects.requireNonNull(status, "status");
    if ((status == MapRunStatus.RUNNING) != (stopDate == null)) {
      throw new IllegalArgumentException("A Map Run has a stop date exactly when it has ended (" + status + ")");
    }
    if ((redriveCount == 0) != (redriveDate == null)) {
      throw new IllegalArgumentException("A Map Run has a redrive date exactly when it was redriven (" + redriveCount + " times)");
    }
  }
}
