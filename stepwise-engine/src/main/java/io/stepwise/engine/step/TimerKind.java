package io.stepwise.engine.step;

/** What a timer is for: a Wait state, a retry back-off, a task's timeout or heartbeat, the execution's timeouts. */
public enum TimerKind {
  WAIT,
  RETRY,
  TASK_TIMEOUT,
  /** A callback task's HeartbeatSeconds: no heartbeat came in time. */
  HEARTBEAT_TIMEOUT,
  /** The state machine's TimeoutSeconds. */
  EXECUTION_TIMEOUT,
  /** AWS's longest run for the execution's type: Standard one year, Express five minutes. */
  DURATION_LIMIT
}
