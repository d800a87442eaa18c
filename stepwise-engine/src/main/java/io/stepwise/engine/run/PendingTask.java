package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.task.TaskRequest;
import java.util.concurrent.Future;

/**
 * A task the engine has scheduled and awaits the result of. Keyed by the id of its scheduled
 * event, which the Started event points back to, so replay can route recorded results to it.
 */
final class PendingTask {
  final long scheduledEventId;
  final Frame frame;
  final ResourceKind kind;
  final TaskRequest request;
  final Long timeoutSeconds;
  /** For a call a Map Run makes (its ItemReader, its ResultWriter): what to do with the outcome; null for a Task state. */
  final MapRunCalls.Then then;
  long startedEventId; // 0 until started
  Future<?> running;
  boolean done;

  PendingTask(long scheduledEventId, Frame frame, ResourceKind kind, TaskRequest request, Long timeoutSeconds) {
    this(scheduledEventId, frame, kind, request, timeoutSeconds, null);
  }

  PendingTask(long scheduledEventId, Frame frame, ResourceKind kind, TaskRequest request, Long timeoutSeconds, MapRunCalls.Then then) {
    this.scheduledEventId = scheduledEventId;
    this.frame = frame;
    this.kind = kind;
    this.request = request;
    this.timeoutSeconds = timeoutSeconds;
    this.then = then;
  }

  /** What the invocation produced: an output, or an error and cause. */
  record Outcome(PendingTask task, JsonNode output, String error, String cause) {}
}
