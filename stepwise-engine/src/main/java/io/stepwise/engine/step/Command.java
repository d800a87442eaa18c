package io.stepwise.engine.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.task.TaskRequest;

/**
 * What a step asks its driver to carry out, as data: a driver stores the step's events and
 * commands together, then acts on the commands, so a crash between the two loses nothing.
 */
public sealed interface Command {
  /**
   * Call the task's resource and deliver the outcome as {@link StepInput.TaskSucceeded} or
   * {@link StepInput.TaskFailed}. Its TaskStarted event is already in the step's events. For a
   * {@code .waitForTaskToken} resource the outcome is the callback (the request's task token).
   * An activity task ({@link #isActivity()}) is not started yet: it waits for a worker's
   * GetActivityTask, delivered as {@link StepInput.ActivityStarted} with the request's task token.
   */
  record ScheduleTask(long scheduledEventId, ResourceArn resource, TaskRequest request, io.stepwise.engine.mock.MockCall mock)
      implements Command {
    public ScheduleTask(long scheduledEventId, ResourceArn resource, TaskRequest request) {
      this(scheduledEventId, resource, request, null);
    }

    /** Its answer is a mock's (the execution's test case names a mocked response for its state): no service is called. */
    public boolean isMocked() {
      return mock != null;
    }

    /** Its outcome comes by its task token: a {@code .waitForTaskToken} task, or a {@code .sync} one its job's end answers. */
    public boolean isCallback() {
      return request.taskToken() != null;
    }

    /**
     * A {@code .waitForTaskToken} or an activity task: with nothing registered to answer it, it
     * waits for SendTaskSuccess or SendTaskFailure (or a worker) from outside.
     */
    public boolean waitsForCallback() {
      return isActivity() || request.resource().endsWith(".waitForTaskToken");
    }

    public boolean isActivity() {
      return resource.type() == ResourceArn.Type.ACTIVITY;
    }
  }

  /**
   * The task ended without its outcome (it timed out, its branch or execution stopped): drop what
   * it returns, and ask whoever answers its resource to stop the work it started, as AWS makes a
   * best-effort attempt to cancel a {@code .sync} job ({@code TaskHandler.cancel}). The resource and
   * request (and mocked call: a mock has no work to stop) are the ScheduleTask's.
   */
  record CancelTask(long scheduledEventId, ResourceArn resource, TaskRequest request, io.stepwise.engine.mock.MockCall mock)
      implements Command {
    public CancelTask(long scheduledEventId, ResourceArn resource, TaskRequest request) {
      this(scheduledEventId, resource, request, null);
    }
  }

  /**
   * Deliver {@link StepInput.TimerFired} with this id once the engine's clock reaches {@code due}
   * (epoch millis). A timer already set with this id moves to the new due time (a heartbeat sets
   * a heartbeat timeout again; the id stays, so a stored timer and a replayed one agree).
   */
  record StartTimer(long timerId, TimerKind kind, long due) implements Command {}

  /** The timer is no longer wanted. */
  record CancelTimer(long timerId) implements Command {}

  /**
   * The step stopped at its share of work with states still to run: deliver {@link
   * StepInput.Continue} (other executions may go first).
   */
  record Continue() implements Command {}

  /**
   * Start a child execution of a Distributed Map's run: {@code machine} (the Map's ItemProcessor)
   * with {@code input}, under {@code record} (its own ARN and history), and deliver its end as
   * {@link StepInput.ChildExecutionEnded}. The parent's history records nothing of it.
   *
   * @param mapStateName the Distributed Map state (with the parent's definition, what rebuilds
   *     {@code machine} after a crash: {@code ItemProcessors.of(parent, mapStateName)})
   * @param index the item's index in the run
   * @param roleArn the role its ExecutionStarted records (the parent's)
   * @param items how many of the run's items it processes: 1, or its batch's (ItemBatcher)
   * @param redriveCount 0 for its first start; else the child ran before in this Map Run and did
   *     not succeed, and a redrive of the run runs it again ({@link #again()}) so that it has been
   *     redriven this many times: a STANDARD child is redriven ({@code StepInput.Redrive}: its
   *     history goes on from the state that did not succeed), an EXPRESS one starts again from its
   *     first state under the same ARN. A child already redriven this often is not redriven again
   *     (its end is what the parent waits for), so a driver that restarts can tell the two apart.
   */
  record StartChildExecution(String mapRunArn, String mapStateName, int index, ExecutionRecord record, StateMachine machine, JsonNode input,
      String roleArn, int items, int redriveCount) implements Command {
    /** A first start. */
    public StartChildExecution(String mapRunArn, String mapStateName, int index, ExecutionRecord record, StateMachine machine,
        JsonNode input, String roleArn, int items) {
      this(mapRunArn, mapStateName, index, record, machine, input, roleArn, items, 0);
    }

    /** Whether the child ran before and is redriven rather than started. */
    public boolean again() {
      return redriveCount > 0;
    }
  }

  /**
   * A Distributed Map's run started or changed (its items were read, UpdateMapRun changed its
   * settings, it ended): keep its record as it is now, for DescribeMapRun and ListMapRuns. It is
   * the run's record, not work to do; the latest in a step stands for the step.
   */
  record PutMapRun(MapRunRecord run) implements Command {}

  /** Stop the child execution (its run failed, or the parent ended): its end is no longer wanted. */
  record StopChildExecution(String executionArn) implements Command {}

  /** The execution ended; nothing more will be asked of it. */
  record Finish(ExecutionStatus status) implements Command {}
}
