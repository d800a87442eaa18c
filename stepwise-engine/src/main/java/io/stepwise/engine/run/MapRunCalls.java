package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.task.TaskRequest;

/**
 * The S3 calls a Distributed Map's run makes itself: reading its items (ItemReader) and writing
 * its results (ResultWriter). Each is a pending task of the Map state's frame, dispatched on the
 * executor through the same invokers as a Task, and recorded as TaskScheduled, TaskStarted and
 * TaskSucceeded or TaskFailed events, so that replay takes the outcome from the history instead
 * of calling S3 again. AWS keeps these calls in the Map Run, not the parent's history; until Map
 * Runs have a durable record of their own, the parent's history is the only place replay reads.
 */
final class MapRunCalls {
  private MapRunCalls() {}

  /** What the run does with a call's outcome; it runs on the Map state's frame. */
  interface Then {
    void succeeded(JsonNode output);

    void failed(String error, String cause);
  }

  static void schedule(Frame f, String resource, JsonNode request, Then then) {
    schedule(f, resource, request, request, then);
  }

  /**
   * A call whose history event records {@code recorded} in place of the request: a result file's
   * body can be tens of megabytes, and replay needs only the call's outcome, not what it sent.
   */
  static void schedule(Frame f, String resource, JsonNode request, JsonNode recorded, Then then) {
    ResourceArn kind = ResourceArn.of(resource);
    EventDetails details =
        new EventDetails.TaskScheduled(Tasks.resourceType(kind), kind.resource(), f.exec.info.region(), recorded, null, null);
    long id = f.exec.append(f, EventType.TaskScheduled, details);
    TaskRequest req = new TaskRequest(resource, request, f.state.name(), f.exec.info.executionArn, f.scope(request).context(), null);
    PendingTask p = new PendingTask(id, f, kind, req, null, null, then);
    f.pending = p;
    f.waiting = true;
    f.exec.register(p);
  }

  static void succeeded(PendingTask p, JsonNode output) {
    settle(p);
    // no payload limit here: a dataset may be far larger than a state's input or output
    p.frame.exec.append(p.frame, EventType.TaskSucceeded,
        new EventDetails.TaskSucceeded(Tasks.resourceType(p.kind), p.kind.resource(), output));
    p.then.succeeded(output);
  }

  static void failed(PendingTask p, String error, String cause) {
    settle(p);
    p.frame.exec.append(p.frame, EventType.TaskFailed,
        new EventDetails.TaskFailed(Tasks.resourceType(p.kind), p.kind.resource(), error, cause));
    p.then.failed(error, cause);
  }

  /** The call is over; the frame still waits for its Map Run. */
  private static void settle(PendingTask p) {
    p.done = true;
    p.frame.pending = null;
    p.frame.exec.forget(p);
  }
}
