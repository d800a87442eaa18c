package io.stepwise.engine.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.ExecutionStatus;

/**
 * One thing from outside that advances an execution by one step: its start, a task's outcome, a
 * timer coming due. Whoever drives the execution (the in-memory driver, a server) delivers them
 * one at a time, after it has stored what the previous step returned.
 */
public sealed interface StepInput {
  /** The execution begins: records ExecutionStarted and runs until every branch waits. */
  record Start() implements StepInput {}

  /** A task scheduled by {@link Command.ScheduleTask} returned this result. */
  record TaskSucceeded(long scheduledEventId, JsonNode output) implements StepInput {}

  /**
   * A {@code .waitForTaskToken} task was handed on: its call (the message that carries the task
   * token) was made and answered with this output. TaskSubmitted is recorded and the task waits
   * for its callback ({@link CallbackSucceeded}, {@link CallbackFailed}) or its timeouts.
   */
  record TaskSubmitted(long scheduledEventId, JsonNode output) implements StepInput {}

  /** A task scheduled by {@link Command.ScheduleTask} failed with this error and cause. */
  record TaskFailed(long scheduledEventId, String error, String cause) implements StepInput {}

  /** StopExecution: the execution ends ABORTED with this error and cause (either may be null). */
  record Stop(String error, String cause) implements StepInput {}

  /** SendTaskSuccess: the callback task waiting for this token succeeded with this output. */
  record CallbackSucceeded(String taskToken, JsonNode output) implements StepInput {}

  /** SendTaskFailure: the callback task waiting for this token failed. */
  record CallbackFailed(String taskToken, String error, String cause) implements StepInput {}

  /**
   * GetActivityTask handed the activity task with this token to a worker: ActivityStarted is
   * recorded, and the task's TimeoutSeconds and HeartbeatSeconds start counting. The worker's
   * answer then comes as {@link CallbackSucceeded}, {@link CallbackFailed} or {@link Heartbeat}.
   */
  record ActivityStarted(String taskToken, String workerName) implements StepInput {}

  /** SendTaskHeartbeat: the callback task waiting for this token is alive; its heartbeat timeout starts again. */
  record Heartbeat(String taskToken) implements StepInput {}

  /**
   * A child execution started by {@link Command.StartChildExecution} ended: SUCCEEDED with its
   * output, or FAILED, TIMED_OUT or ABORTED with its error and cause. A store keeps it, with the
   * number of events the parent's history held when it was delivered ({@code ChildEnding}), for
   * the parent's replay: AWS's history of the parent records nothing of it.
   *
   * @param redriveCount the redrive of its Map Run this end answers: how many times the run's
   *     redrives had run the child again ({@code StartChildExecution.redriveCount}); an end of
   *     an earlier attempt than the one asked for (a child stopped, but not yet, when its run was
   *     redriven) is not the child's end: the parent asks for the redrive again
   */
  record ChildExecutionEnded(String executionArn, ExecutionStatus status, JsonNode output, String error, String cause, int redriveCount)
      implements MapRunInput {
    /** The end of a child its run never redrove. */
    public ChildExecutionEnded(String executionArn, ExecutionStatus status, JsonNode output, String error, String cause) {
      this(executionArn, status, output, error, cause, 0);
    }
  }

  /**
   * UpdateMapRun: the running Map Run takes these settings from now on (null leaves one as it
   * is). A higher MaxConcurrency starts more children at once; a lower one starts none until
   * fewer run; tolerances that the failures so far exceed fail the run at once.
   */
  record UpdateMapRun(String mapRunArn, Integer maxConcurrency, Long toleratedFailureCount, Double toleratedFailurePercentage)
      implements MapRunInput {}

  /**
   * What reaches a Distributed Map's run from outside and is not recorded in the parent's history
   * (as AWS's records neither): a store keeps each with the number of events the history held when
   * it was delivered ({@code ChildEnding}), and the parent's replay delivers it again there.
   */
  sealed interface MapRunInput extends StepInput permits ChildExecutionEnded, UpdateMapRun {}

  /** Go on with the work a step left for the next one ({@link Command.Continue}). */
  record Continue() implements StepInput {}

  /** A timer set by {@link Command.StartTimer} came due. */
  record TimerFired(long timerId) implements StepInput {}

  /**
   * RedriveExecution: an execution that ended FAILED, TIMED_OUT or ABORTED goes on from the states
   * that did not succeed (ExecutionRedriven, then each of them again), RUNNING once more. The only
   * input an ended execution takes; refused ({@link StepRefusedException}, with AWS's reason) when
   * it cannot be redriven.
   */
  record Redrive() implements StepInput {}
}
