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
 * @param testCase the test case of the engine's mock configuration it runs with, or null
 */
public record RunOptions(
    String stateMachineName, String executionName, String roleArn, ExecutionType type, boolean synchronous, String versionArn, String aliasArn,
    String testCase) {
  public RunOptions(String stateMachineName, String executionName, String roleArn, ExecutionType type) {
    this(stateMachineName, executionName, roleArn, type, false, null, null, null);
  }

  public RunOptions(
      String stateMachineName, String executionName, String roleArn, ExecutionType type, boolean synchronous, String versionArn, String aliasArn) {
    this(stateMachineName, executionName, roleArn, type, synchronous, versionArn, aliasArn, null);
  }

  public static RunOptions defaults() {
    return new RunOptions("StateMachine", null, "arn:aws:iam::123456789012:role/stepwise", ExecutionType.STANDARD);
  }

  public RunOptions withNames(String machine, String execution) {
    return new RunOptions(machine, execution, roleArn, type, synchronous, versionArn, aliasArn, testCase);
  }

  public RunOptions withRoleArn(String role) {
    return new RunOptions(stateMachineName, executionName, role, type, synchronous, versionArn, aliasArn, testCase);
  }

  public RunOptions withType(ExecutionType t) {
    return new RunOptions(stateMachineName, executionName, roleArn, t, synchronous, versionArn, aliasArn, testCase);
  }

  /** As StartSyncExecution starts an Express execution. */
  public RunOptions withSynchronous(boolean sync) {
    return new RunOptions(stateMachineName, executionName, roleArn, type, sync, versionArn, aliasArn, testCase);
  }

  /** Started through a version (and an alias routing to it): ExecutionStarted records both. */
  public RunOptions withVersion(String version, String alias) {
    return new RunOptions(stateMachineName, executionName, roleArn, type, synchronous, version, alias, testCase);
  }

  /** Runs with this test case of the engine's mock configuration ({@code Engine.Builder.mocks}); null: none. */
  public RunOptions withTestCase(String name) {
    return new RunOptions(stateMachineName, executionName, roleArn, type, synchronous, versionArn, aliasArn, name);
  }
}
