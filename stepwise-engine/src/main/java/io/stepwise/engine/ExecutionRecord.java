package io.stepwise.engine;

/**
 * What identifies an execution beyond its history, kept with the history so that a resume
 * decides exactly as the first run did, whatever the resuming caller or engine is configured
 * with: the ARNs (an Express ARN ends in a UUID drawn at the start; the randomness of States.UUID
 * and retry jitter is seeded from the ARN and the recorded start time; region and account are
 * the ARN's), the names, the type, the payload limit it was held to, and which definition it
 * runs. The input, the role and the start time are in the history's ExecutionStarted event.
 *
 * @param synchronous started as StartSyncExecution (the context object then has no RedriveCount)
 * @param payloadLimit the most bytes a state's output or a task's input or result could take
 *     ({@code Integer.MAX_VALUE}: not checked)
 * @param definitionSha256 the SHA-256 of the definition text it runs (StateMachine.definitionSha256)
 * @param testCase the mock configuration's test case it runs with (started as {@code ARN#Case}),
 *     or null: its mocked Task states answer from their mocked responses, after a restart too
 */
public record ExecutionRecord(
    String executionArn,
    String executionName,
    String stateMachineArn,
    String stateMachineName,
    ExecutionType type,
    boolean synchronous,
    int payloadLimit,
    String definitionSha256,
    String testCase) {

  /** An execution with no test case: its tasks call what is registered for their resources. */
  public ExecutionRecord(String executionArn, String executionName, String stateMachineArn, String stateMachineName,
      ExecutionType type, boolean synchronous, int payloadLimit, String definitionSha256) {
    this(executionArn, executionName, stateMachineArn, stateMachineName, type, synchronous, payloadLimit, definitionSha256, null);
  }

  /** The region, from the execution's ARN (arn:PARTITION:states:REGION:ACCOUNT:...). */
  public String region() {
    return arnPart(3);
  }

  /** The account, from the execution's ARN. */
  public String account() {
    return arnPart(4);
  }

  private String arnPart(int i) {
    String[] parts = executionArn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      throw new IllegalArgumentException("Not an execution ARN: " + executionArn);
    }
    return parts[i];
  }
}
