package io.stepwise.store;

import io.stepwise.engine.ExecutionRecord;
import java.util.Objects;

/**
 * StartExecution: the execution's row and its first step, written together so that no store ever
 * holds an execution without the step that started it (or the step without its row). Refused
 * ({@link WriteResult.Reason#ALREADY_EXISTS}) when an execution with the ARN is stored already.
 *
 * @param record what a resume decides by (ARNs, names, type, payload limit, definition digest)
 * @param versionArn the state machine version it was started through; null for none
 * @param aliasArn the state machine alias it was started through; null for none
 * @param mapRunArn the Map Run it is a child of (a Distributed Map item); null for a top-level execution
 * @param roleArn the role its ExecutionStarted records
 * @param input its input, as JSON text
 * @param startDate epoch millis
 * @param first the step of its {@code Start} input, {@code eventsBefore} 0
 * @param revision what the server keeps of the state machine revision it started with (for
 *     DescribeStateMachineForExecution), as text the store keeps and never reads; null for none
 * @param mapRunItems how many of its Map Run's items it processes (1, or its batch's); 0 for a top-level execution
 */
public record NewExecution(
    ExecutionRecord record,
    String versionArn,
    String aliasArn,
    String mapRunArn,
    String roleArn,
    String input,
    long startDate,
    StepWrite first,
    String revision,
    int mapRunItems) implements Write {

  /** Without a revision kept; one item of its Map Run, if it is a child of one. */
  public NewExecution(ExecutionRecord record, String versionArn, String aliasArn, String mapRunArn, String roleArn, String input,
      long startDate, StepWrite first) {
    this(record, versionArn, aliasArn, mapRunArn, roleArn, input, startDate, first, null, mapRunArn == null ? 0 : 1);
  }

  /** With a revision kept; one item of its Map Run, if it is a child of one. */
  public NewExecution(ExecutionRecord record, String versionArn, String aliasArn, String mapRunArn, String roleArn, String input,
      long startDate, StepWrite first, String revision) {
    this(record, versionArn, aliasArn, mapRunArn, roleArn, input, startDate, first, revision, mapRunArn == null ? 0 : 1);
  }

  /** Without a revision kept, processing {@code mapRunItems} items of its Map Run. */
  public NewExecution(ExecutionRecord record, String versionArn, String aliasArn, String mapRunArn, String roleArn, String input,
      long startDate, StepWrite first, int mapRunItems) {
    this(record, versionArn, aliasArn, mapRunArn, roleArn, input, startDate, first, null, mapRunItems);
  }

  public NewExecution {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(first, "first");
    if (!first.executionArn().equals(record.executionArn())) {
      throw new IllegalArgumentException("The first step is for " + first.executionArn() + ", not " + record.executionArn());
    }
    if (first.eventsBefore() != 0) {
      throw new IllegalArgumentException("The first step of " + record.executionArn() + " follows no events, not " + first.eventsBefore());
    }
  }

  @Override
  public String executionArn() {
    return record.executionArn();
  }
}
