package io.stepwise.server.operations;

/**
 * Whether a state machine has Standard executions still running: the execution side's answer to
 * the registry's, for DeleteStateMachine (AWS keeps a state machine DELETING until they end).
 */
@FunctionalInterface
public interface RunningExecutions {
  /** A server without an execution side: nothing ever runs. */
  RunningExecutions NONE = stateMachineArn -> false;

  boolean any(String stateMachineArn);
}
