package io.stepwise.store;

import io.stepwise.engine.step.Command;
import io.stepwise.store.codec.CommandCodec;

/**
 * A task scheduled and not ended: what a restarted server dispatches again (tasks are at least
 * once), and for an activity what GetActivityTask hands out.
 *
 * @param command the ScheduleTask command as JSON ({@link CommandCodec}): every store keeps the
 *     same text, so a task re-dispatched from any of them is the task first dispatched
 * @param taskToken the callback's or activity's token; null for a task answered by its call
 * @param activityArn the activity's ARN for an activity task; else null
 * @param started for an activity, whether a worker took it (ActivityStarted); for a
 *     {@code .waitForTaskToken} task whose handler hands it on, whether it was (TaskSubmitted); else false
 * @param workerName the name the worker gave when it took it (may be null)
 */
public record TaskRow(
    String executionArn,
    long scheduledEventId,
    String command,
    String taskToken,
    String activityArn,
    boolean started,
    String workerName) {

  /** The command, decoded: its resource rebuilt with {@code ResourceArn.of}. */
  public Command.ScheduleTask scheduleTask() {
    return (Command.ScheduleTask) CommandCodec.decode(command);
  }

  public TaskRow asStarted(String worker) {
    return new TaskRow(executionArn, scheduledEventId, command, taskToken, activityArn, true, worker);
  }
}
