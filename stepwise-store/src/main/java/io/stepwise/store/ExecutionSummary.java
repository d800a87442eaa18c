package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;

/**
 * An execution as ListExecutions shows it: no input, output or history, so a page stays small.
 *
 * @param redriveDate epoch millis of its last redrive; null if it never was
 */
public record ExecutionSummary(
    String executionArn,
    String name,
    String stateMachineArn,
    String versionArn,
    String aliasArn,
    String mapRunArn,
    ExecutionType type,
    ExecutionStatus status,
    long startDate,
    Long stopDate,
    int redriveCount,
    Long redriveDate) {}
