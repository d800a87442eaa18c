package io.stepwise.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code ...EventDetails} of a history event. Values stay JSON trees until someone reads the
 * history, so recording an event costs an allocation, not a serialisation.
 */
public sealed interface EventDetails {
  record None() implements EventDetails {}

  None NONE = new None();

  /** The version and alias ARNs are those it was started through (StartExecution with a version or alias ARN), else null. */
  record ExecutionStarted(JsonNode input, String roleArn, String stateMachineVersionArn, String stateMachineAliasArn)
      implements EventDetails {
    public ExecutionStarted(JsonNode input, String roleArn) {
      this(input, roleArn, null, null);
    }
  }

  record ExecutionSucceeded(JsonNode output) implements EventDetails {}

  /** ExecutionFailed, ExecutionTimedOut, ExecutionAborted; nulls are left out of the JSON. */
  record ExecutionEnded(String error, String cause) implements EventDetails {}

  /** RedriveExecution: the how-manieth redrive this is (1 for the first). */
  record ExecutionRedriven(int redriveCount) implements EventDetails {}

  record StateEntered(String name, JsonNode input) implements EventDetails {}

  /** @param assignedVariables variable name to value, or null when the state assigned none */
  record StateExited(String name, JsonNode output, ObjectNode assignedVariables) implements EventDetails {}

  record MapStateStarted(int length) implements EventDetails {}

  record MapIteration(String name, int index) implements EventDetails {}

  record MapRunStarted(String mapRunArn) implements EventDetails {}

  /** A redrive of the execution redrove this Map Run: the how-manieth redrive of the run this is (1 for the first). */
  record MapRunRedriven(String mapRunArn, int redriveCount) implements EventDetails {}

  /** MapRunFailed; nulls are left out of the JSON. */
  record MapRunFailed(String error, String cause) implements EventDetails {}

  record TaskScheduled(String resourceType, String resource, String region, JsonNode parameters, Long timeoutInSeconds, Long heartbeatInSeconds)
      implements EventDetails {}

  record TaskStarted(String resourceType, String resource) implements EventDetails {}

  record TaskSucceeded(String resourceType, String resource, JsonNode output) implements EventDetails {}

  /** TaskFailed and TaskTimedOut. */
  record TaskFailed(String resourceType, String resource, String error, String cause) implements EventDetails {}

  record LambdaScheduled(String resource, JsonNode input, Long timeoutInSeconds) implements EventDetails {}

  /** LambdaFunctionSucceeded, and ActivitySucceeded, whose details have the same shape. */
  record LambdaSucceeded(JsonNode output) implements EventDetails {}

  /** LambdaFunctionFailed and LambdaFunctionTimedOut; ActivityFailed, ActivityTimedOut and ActivityScheduleFailed too. */
  record LambdaFailed(String error, String cause) implements EventDetails {}

  /** An activity task waits for a worker: the input a worker's GetActivityTask receives. */
  record ActivityScheduled(String resource, JsonNode input, Long timeoutInSeconds, Long heartbeatInSeconds) implements EventDetails {}

  /** A worker took the activity task (GetActivityTask), under the name it gave (null when it gave none). */
  record ActivityStarted(String workerName) implements EventDetails {}

  record EvaluationFailed(String state, String error, String cause, String location) implements EventDetails {}
}
