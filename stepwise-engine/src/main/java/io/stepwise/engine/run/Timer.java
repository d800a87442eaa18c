package io.stepwise.engine.run;

/**
 * Something the execution waits for until a time: a Wait state, a retry back-off, a task's
 * timeout or heartbeat, the execution's timeout and its type's duration limit. Timers are data, not sleeping threads.
 *
 * @param due epoch milliseconds
 * @param seq creation order, to break ties deterministically
 * @param frame the frame to resume, or null for the execution timeout
 */
record Timer(long due, long seq, Kind kind, Frame frame, PendingTask task) implements Comparable<Timer> {
  enum Kind {
    WAIT,
    RETRY,
    TASK_TIMEOUT,
    /** A callback task that nothing answers: no heartbeat will come. */
    HEARTBEAT_TIMEOUT,
    /** The state machine's TimeoutSeconds. */
    EXECUTION_TIMEOUT,
    /** AWS's longest run for the execution's type: Standard one year, Express five minutes. */
    DURATION_LIMIT
  }

  @Override
  public int compareTo(Timer o) {
    int c = Long.compare(due, o.due);
    return c != 0 ? c : Long.compare(seq, o.seq);
  }
}
