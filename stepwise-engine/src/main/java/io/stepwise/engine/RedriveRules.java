package io.stepwise.engine;

/**
 * When AWS lets an execution be redriven (RedriveExecution), decided from what is known of it
 * without its history: the engine checks the same before it takes a {@code StepInput.Redrive},
 * and DescribeExecution reports it as {@code redriveStatus} and {@code redriveStatusReason}.
 * The reasons are AWS's documented words for {@code redriveStatusReason}.
 */
public final class RedriveRules {
  /** AWS: a redrive needs room for ExecutionRedriven and one more event, so the history must hold fewer than 24,999. */
  public static final long MAX_EVENTS = 24_999;
  /** The redrivable period: 14 days from the execution's stop. */
  public static final long REDRIVABLE_MILLIS = 14L * 24 * 60 * 60 * 1000;
  /** A Standard execution's longest open time, one year from its start, which a redrive does not reset. */
  public static final long MAX_OPEN_MILLIS = 365L * 24 * 60 * 60 * 1000;

  public static final String RUNNING = "Execution is RUNNING and cannot be redriven";
  public static final String SUCCEEDED = "Execution is SUCCEEDED and cannot be redriven";
  public static final String EVENT_LIMIT = "Execution history event limit exceeded";
  public static final String MAX_EXECUTION_TIME = "Execution has exceeded the max execution time";
  public static final String PERIOD_EXCEEDED = "Execution redrivable period exceeded";
  /** Not among AWS's reasons: AWS documents only that RedriveExecution does not support Express. */
  public static final String EXPRESS = "Express executions cannot be redriven";

  private RedriveRules() {}

  /**
   * Why the execution cannot be redriven at {@code now}, or null when it can.
   *
   * @param stopMillis when it ended; null while RUNNING
   * @param events how many events its history holds
   */
  public static String notRedrivable(ExecutionType type, ExecutionStatus status, long startMillis, Long stopMillis, long events, long now) {
    if (type == ExecutionType.EXPRESS) {
      return EXPRESS;
    }
    if (status == ExecutionStatus.RUNNING) {
      return RUNNING;
    }
    if (status == ExecutionStatus.SUCCEEDED) {
      return SUCCEEDED;
    }
    if (events >= MAX_EVENTS) {
      return EVENT_LIMIT;
    }
    if (now >= startMillis + MAX_OPEN_MILLIS) {
      return MAX_EXECUTION_TIME;
    }
    if (stopMillis != null && now > stopMillis + REDRIVABLE_MILLIS) {
      return PERIOD_EXCEEDED;
    }
    return null;
  }
}
