package io.stepwise.store;

/**
 * One unit of a group commit: an execution created with its first step, or a later step of one.
 * Each is accepted or refused on its own ({@link WriteResult}); a batch of them is one transaction.
 */
public sealed interface Write permits NewExecution, StepWrite {
  String executionArn();
}
