package io.stepwise.store;

import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionStatus;

/**
 * An execution as stored: what DescribeExecution answers, and with its history what {@code
 * Engine.restore} needs.
 *
 * @param versionArn the version it was started through, or null
 * @param aliasArn the alias it was started through, or null
 * @param mapRunArn the Map Run it is a child of, or null
 * @param input JSON text
 * @param startDate epoch millis
 * @param output JSON text once SUCCEEDED, else null
 * @param stopDate epoch millis once ended, else null
 * @param events how many events its history holds (the next step's {@code eventsBefore})
 * @param revision the text {@link NewExecution#revision()} kept, or null
 * @param redriveCount how many times it was redriven (RedriveExecution)
 * @param redriveDate epoch millis of its last redrive; null if it never was
 */
public record ExecutionRow(
    ExecutionRecord record,
    String versionArn,
    String aliasArn,
    String mapRunArn,
    String roleArn,
    String input,
    long startDate,
    ExecutionStatus status,
    String output,
    String error,
    String cause,
    Long stopDate,
    long events,
    String revision,
    int redriveCount,
    Long redriveDate) {

  /** Without a revision kept, never redriven. */
  public ExecutionRow(ExecutionRecord record, String versionArn, String aliasArn, String mapRunArn, String roleArn, String input,
      long startDate, ExecutionStatus status, String output, String error, String cause, Long stopDate, long events) {
    this(record, versionArn, aliasArn, mapRunArn, roleArn, input, startDate, status, output, error, cause, stopDate, events, null, 0, null);
  }

  public String executionArn() {
    return record.executionArn();
  }

  public ExecutionSummary summary() {
    return new ExecutionSummary(record.executionArn(), record.executionName(), record.stateMachineArn(), versionArn, aliasArn,
        mapRunArn, record.type(), status, startDate, stopDate, redriveCount, redriveDate);
  }
}
