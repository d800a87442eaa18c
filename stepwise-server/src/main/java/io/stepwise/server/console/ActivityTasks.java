package io.stepwise.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /console/api/activities/tasks?activityArn=}: the activity's tasks not yet answered,
 * oldest scheduled first, at most {@code maxResults} (1 to 1000, default 100) of each kind:
 * {@code scheduled}, waiting for a worker's GetActivityTask, and {@code running}, taken by a worker
 * (its name, when it gave one) and not yet answered. Each with its execution, state, input,
 * timeouts and times, from the task's events. The task tokens are not shown: whoever holds one
 * can answer the task. Heartbeats are not recorded (as in AWS's history), so a running task shows
 * when it started and its HeartbeatSeconds, not its last heartbeat.
 */
final class ActivityTasks {
  /** How far after its scheduled event a task's ActivityStarted is looked for (a Parallel interleaves branches' events). */
  private static final int STARTED_SEARCH = 1000;
  private static final Set<String> PARAMETERS = Set.of("activityArn", "maxResults");

  private final Services services;
  private final Store store;

  ActivityTasks(Services services, Store store) {
    this.services = services;
    this.store = store;
  }

  JsonNode list(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMETERS);
    String arn = p.required("activityArn");
    try {
      Arns.parseActivity(arn);
    } catch (ApiException e) {
      throw new BadParameterException("activityArn", "activityArn is not an activity's ARN: '" + arn + "'");
    }
    if (services.registry().read(v -> v.activity(arn)).isEmpty()) {
      throw new BadParameterException("activityArn", "ActivityDoesNotExist: no activity has the ARN '" + arn + "'");
    }
    int limit = p.integer("maxResults", 1, ExecutionListing.MAX_RESULTS, ExecutionListing.DEFAULT_RESULTS);
    ObjectNode out = Json.NODES.objectNode().put("activityArn", arn);
    // one more than asked tells whether there are more
    List<TaskRow> scheduled = store.activityTasks(arn, limit + 1);
    List<TaskRow> running = store.takenActivityTasks(arn, limit + 1);
    list(out.putArray("scheduled"), scheduled, limit);
    list(out.putArray("running"), running, limit);
    out.put("moreScheduled", scheduled.size() > limit).put("moreRunning", running.size() > limit);
    return out;
  }

  private void list(ArrayNode into, List<TaskRow> tasks, int limit) {
    for (TaskRow t : tasks.subList(0, Math.min(limit, tasks.size()))) {
      into.add(task(t));
    }
  }

  private ObjectNode task(TaskRow t) {
    JsonOutput o = JsonOutput.create().string("executionArn", t.executionArn()).longInteger("scheduledEventId", t.scheduledEventId());
    List<HistoryEvent> scheduled = store.history(t.executionArn(), t.scheduledEventId() - 1, 1, false);
    if (!scheduled.isEmpty() && scheduled.get(0).details() instanceof EventDetails.ActivityScheduled s) {
      HistoryEvent e = scheduled.get(0);
      o.timestamp("scheduledDate", Instant.ofEpochMilli(e.timestamp())).string("input", s.input() == null ? null : Json.write(s.input()))
          .longInteger("timeoutSeconds", s.timeoutInSeconds()).longInteger("heartbeatSeconds", s.heartbeatInSeconds());
      List<HistoryEvent> entered = store.history(t.executionArn(), e.previousEventId() - 1, 1, false);
      if (!entered.isEmpty() && entered.get(0).details() instanceof EventDetails.StateEntered se) {
        o.string("stateName", se.name());
      }
    }
    if (t.started()) {
      o.string("workerName", t.workerName());
      for (HistoryEvent e : store.history(t.executionArn(), t.scheduledEventId(), STARTED_SEARCH, false)) {
        if (e.type() == EventType.ActivityStarted && e.previousEventId() == t.scheduledEventId()) {
          o.timestamp("startedDate", Instant.ofEpochMilli(e.timestamp()));
          break;
        }
      }
    }
    return o.node();
  }
}
