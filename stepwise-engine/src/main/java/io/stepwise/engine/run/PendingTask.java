package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskRequest;

/**
 * A task the engine has scheduled and awaits the result of. Keyed by the id of its scheduled
 * event, which the Started event points back to, so replay can route recorded results to it.
 */
final class PendingTask {
  final long scheduledEventId;
  final Frame frame;
  final ResourceArn kind;
  final TaskRequest request;
  final Long timeoutSeconds;
  final Long heartbeatSeconds;
  /** For a call a Map Run makes (its ItemReader, its ResultWriter): what to do with the outcome; null for a Task state. */
  final MapRunCalls.Then then;
  /** The mocked response that answers it (its execution's test case mocks its state), or null. */
  io.stepwise.engine.mock.MockCall mock;
  long startedEventId; // 0 until started
  /** A .waitForTaskToken task that nothing answers: it waits, for its timeouts or forever. */
  boolean awaitsCallback;
  /** A .waitForTaskToken task whose handler handed it on (TaskSubmitted): it waits for its callback. */
  boolean submitted;
  /** Its TaskSubmitted event, 0 until handed on: the event its outcome follows (previousEventId) from then on. */
  long submittedEventId;
  /** A callback's heartbeat timeout, set again by each heartbeat; null without HeartbeatSeconds. */
  Timer heartbeatTimer;
  /** Handed to the driver in a step's ScheduleTask command. */
  boolean announced;
  boolean done;

  PendingTask(long scheduledEventId, Frame frame, ResourceArn kind, TaskRequest request, Long timeoutSeconds, Long heartbeatSeconds) {
    this(scheduledEventId, frame, kind, request, timeoutSeconds, heartbeatSeconds, null);
  }

  PendingTask(
      long scheduledEventId, Frame frame, ResourceArn kind, TaskRequest request, Long timeoutSeconds, Long heartbeatSeconds,
      MapRunCalls.Then then) {
    this.scheduledEventId = scheduledEventId;
    this.frame = frame;
    this.kind = kind;
    this.request = request;
    this.timeoutSeconds = timeoutSeconds;
    this.heartbeatSeconds = heartbeatSeconds;
    this.then = then;
  }

  void cancelHeartbeat() {
    if (heartbeatTimer != null) {
      frame.exec.cancel(heartbeatTimer);
      heartbeatTimer = null;
    }
  }

  boolean isCallback() {
    return request.taskToken() != null;
  }

  /**
   * What an invocation produced: an output, or an error and cause.
   *
   * @param submitted the output is a .waitForTaskToken task's submission (TaskSubmitted), not its outcome
   */
  record Outcome(long scheduledEventId, JsonNode output, String error, String cause, boolean submitted) {
    Outcome(long scheduledEventId, JsonNode output, String error, String cause) {
      this(scheduledEventId, output, error, cause, false);
    }
  }
}
