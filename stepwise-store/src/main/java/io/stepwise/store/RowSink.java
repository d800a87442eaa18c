package io.stepwise.store;

/**
 * The row operations a store lends {@link DerivedRows} inside a commit's transaction: plain
 * inserts, deletes and look-ups by key, with no decisions of their own, so that what the rows
 * hold is decided in one place for every store.
 */
public interface RowSink {
  /** Inserts the timer, or moves the one with the same execution and id to the row's kind and due time. */
  void putTimer(TimerRow timer);

  void deleteTimer(String executionArn, long timerId);

  /** Inserts the task (its execution and scheduled event id are new). */
  void putTask(TaskRow task);

  /** The task row with this key, or null. */
  TaskRow task(String executionArn, long scheduledEventId);

  void deleteTask(String executionArn, long scheduledEventId);

  /** Sets the task row's {@code started} and worker name. */
  void markStarted(String executionArn, long scheduledEventId, String workerName);

  void putToken(TokenRow token);

  /** The token row, or null. */
  TokenRow token(String taskToken);

  void deleteToken(String taskToken);

  /** Inserts the Map Run's row, or replaces the one with its ARN (its execution is the run's {@code executionArn}). */
  void putMapRun(io.stepwise.engine.MapRunRecord run);

  /** Whether the execution is stored and RUNNING (as this commit has left it so far). */
  boolean running(String executionArn);

  /** Inserts the work row (nothing if it is there). */
  void putWork(WorkRow work);

  void deleteWork(String executionArn, String item);

  /** Deletes every timer, task, token and work row of the execution. */
  void deleteAll(String executionArn);
}
