package io.stepwise.store;

import java.util.List;
import java.util.Optional;

/**
 * The rows the scheduler works from, derived from the steps ({@link DerivedRows}): timers to
 * fire, tasks to dispatch, task tokens to route callbacks by, activity tasks for workers. With
 * them a restarted server need not replay a waiting execution until it next has input.
 */
public interface WorkIndex {
  /** The timers due at or before {@code time} (epoch millis), earliest first, at most {@code limit}. */
  List<TimerRow> timersDue(long time, int limit);

  /** How many timers are due at or before {@code time} (every one {@link #timersDue} would list), for metrics. */
  long timersDueCount(long time);

  /** Every timer, a page at a time (each listed exactly once across a pass's pages). */
  Page<TimerRow> timers(int limit, String nextToken);

  /** Every task not ended, a page at a time (each listed exactly once across a pass's pages), to dispatch again after a restart. */
  Page<TaskRow> tasks(int limit, String nextToken);

  /** The task waiting for a callback or an activity worker's answer with this token. */
  Optional<TokenRow> taskToken(String taskToken);

  /** Every work row (work left, children not yet ended), a page at a time, for a restart. */
  Page<WorkRow> work(int limit, String nextToken);

  /** The activity's tasks that no worker has taken, oldest scheduled first (GetActivityTask hands out the first). */
  List<TaskRow> activityTasks(String activityArn, int limit);

  /** The activity's tasks that a worker took and has not answered yet (its running ones), oldest scheduled first. */
  List<TaskRow> takenActivityTasks(String activityArn, int limit);
}
