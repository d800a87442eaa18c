package io.stepwise.engine;

/**
 * How to name and run one execution. Names shape the ARNs: {@code
 * arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME}.
 *
 * @param stateMachineName the state machine's name
 * @param executionName the execution's name; null for a random UUID
 * @param roleArn the role ARN recorded in ExecutionStarted
 * @param type STANDARD or EXPRESS
 * @param synchronous started as StartSyncExecution (Express only): AWS then leaves RedriveCount
 *     out of the context object, which StartExecution gives as 0
 * @param versionArn the state machine version it is started through (a version or an alias
 *     ARN given to StartExecution), recorded in ExecutionStarted; null otherwise
 * @param aliasArn the alias it is started through, likewise
 */
public record RunOptions(
    String stateMachineName, String executionName, String roleArn, ExecutionType type, boolean synchronous, String versionArn, String aliasArn) {
  public RunOptions(String stateMachineName, String executionName, String roleArn, ExecutionType type) {
    this(stateMachineName, executionName, roleArn, type, false, null, null);
  }

  public static RunOptions defaults() {
    return new RunOptions("StateMachine", null, "arn:aws:iam::123456789012:role/stepwise", ExecutionType.STANDARD);
  }

  public RunOptions withNames(String machine, String execution) {
    return new RunOptions(machine, execution, roleArn, type, synchronous, versionArn, aliasArn);
  }

  public RunOptions withRoleArn(String role) {
    return new RunOptions(stateMachineName, executionName, role, type, synchronous, versionArn, aliasArn);
  }

  public RunOptions withType(ExecutionType t) {
    return new RunOptions(stateMachineName, executionName, roleArn, t, synchronous, versionArn, aliasArn);
  }

  /** As StartSyncExecution starts an Express execution. */
  public RunOptions withSynchronous(boolean sync) {
    return new RunOptions(stateMachineName, executionName, roleArn, type, sync, versionArn, aliasArn);
  }

  /** Started through a version (and an alias routing to it): ExecutionStarted records both. */
  public RunOptions withVersion(String version, String alias) {
    return new RunOptions(stateMachineName, executionName, roleArn, type, synchronous, version, alias);
  }
}
