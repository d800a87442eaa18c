package io.stepwise.engine;

/**
 * How to name and run one execution. Names shape the ARNs: {@code
 * arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME}.
 *
 * @param stateMachineName the state machine's name
 * @param executionName the execution's name; null for a random UUID
 * @param roleArn the role ARN recorded in ExecutionStarted
 * @param type STANDARD or EXPRESS
 */
public record RunOptions(String stateMachineName, String executionName, String roleArn, ExecutionType type) {
  public static RunOptions defaults() {
    return new RunOptions("StateMachine", null, "arn:aws:iam::123456789012:role/stepwise", ExecutionType.STANDARD);
  }

  public RunOptions withNames(String machine, String execution) {
    return new RunOptions(machine, execution, roleArn, type);
  }

  public RunOptions withRoleArn(String role) {
    return new RunOptions(stateMachineName, executionName, role, type);
  }

  public RunOptions withType(ExecutionType t) {
    return new RunOptions(stateMachineName, executionName, roleArn, t);
  }
}
