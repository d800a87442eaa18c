package io.stepwise.server.protocol;

import java.util.Set;

/** What AWS's API model (states-2016-11-23) defines: the target prefix and every operation. */
public final class StepFunctionsApi {
  private StepFunctionsApi() {}

  /** {@code X-Amz-Target} is this prefix, a dot, and the operation's name. */
  public static final String TARGET_PREFIX = "AWSStepFunctions";

  public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  /** The 37 operations of the model, to tell one not implemented yet from one that does not exist. */
  public static final Set<String> OPERATIONS = Set.of(
      "CreateActivity", "CreateStateMachine", "CreateStateMachineAlias", "DeleteActivity",
      "DeleteStateMachine", "DeleteStateMachineAlias", "DeleteStateMachineVersion", "DescribeActivity",
      "DescribeExecution", "DescribeMapRun", "DescribeStateMachine", "DescribeStateMachineAlias",
      "DescribeStateMachineForExecution", "GetActivityTask", "GetExecutionHistory", "ListActivities",
      "ListExecutions", "ListMapRuns", "ListStateMachineAliases", "ListStateMachineVersions",
      "ListStateMachines", "ListTagsForResource", "PublishStateMachineVersion", "RedriveExecution",
      "SendTaskFailure", "SendTaskHeartbeat", "SendTaskSuccess", "StartExecution", "StartSyncExecution",
      "StopExecution", "TagResource", "TestState", "UntagResource", "UpdateMapRun", "UpdateStateMachine",
      "UpdateStateMachineAlias", "ValidateStateMachineDefinition");
}
