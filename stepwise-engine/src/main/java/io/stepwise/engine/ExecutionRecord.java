package io.stepwise.engine;

/**
 * What identifies an execution beyond its history, kept with the history so that a resume
 * decides exactly as the first run did, whatever the resuming caller or engine is configured
 * with: the ARNs (an Express ARN ends in a UUID drawn at the start; the randomness of States.UUID
 * and retry jitter is seeded from the ARN and the recorded start time), the names and the type.
 * The input, the role and the start time are in the history's ExecutionStarted event.
 *
 * @param synchronous started as StartSyncExecution (the context object then has no RedriveCount)
 */
public record ExecutionRecord(
    String executionArn, String executionName, String stateMachineArn, String stateMachineName, ExecutionType type, boolean synchronous) {}
