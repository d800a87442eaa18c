package io.stepwise.engine.run;

import io.stepwise.engine.step.TimerKind;

/**
 * Something the execution waits for until a time: a Wait state, a retry back-off, a task's
 * timeout or heartbeat, the execution's timeout and its type's duration limit. Timers are data,
 * not sleeping threads; a step announces each one to its driver by id.
 *
 * @param due epoch milliseconds
 * @param id creation order within the execution (so the same on replay); breaks ties of due
 * @param frame the frame to resume, or null for the execution's timeouts
 */
record Timer(long due, long id, TimerKind kind, Frame frame, PendingTask task) implements Comparable<Timer> {
  @Override
  public int compareTo(Timer o) {
    int c = Long.compare(due, o.due);
    return c != 0 ? c : Long.compare(id, o.id);
  }
}
