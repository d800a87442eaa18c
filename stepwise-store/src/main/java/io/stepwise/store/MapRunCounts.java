package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import java.util.Map;

/**
 * A Map Run's children (or their items) by status, as DescribeMapRun's {@code executionCounts}
 * and {@code itemCounts} report them: {@code pending} are those not started yet, {@code total}
 * all the run has; {@code failuresNotRedrivable} the unsuccessful ones a redrive would not run
 * again, {@code pendingRedrive} those the run's redrive has yet to run again.
 */
public record MapRunCounts(long pending, long running, long succeeded, long failed, long timedOut, long aborted, long total,
    long resultsWritten, long failuresNotRedrivable, long pendingRedrive) {

  /** Counts with nothing not redrivable and nothing pending a redrive. */
  public MapRunCounts(long pending, long running, long succeeded, long failed, long timedOut, long aborted, long total,
      long resultsWritten) {
    this(pending, running, succeeded, failed, timedOut, aborted, total, resultsWritten, 0, 0);
  }

  static MapRunCounts of(Map<ExecutionStatus, long[]> by, int which, long total, long written, long notRedrivable, long pendingRedrive) {
    long running = get(by, ExecutionStatus.RUNNING, which);
    long succeeded = get(by, ExecutionStatus.SUCCEEDED, which);
    long failed = get(by, ExecutionStatus.FAILED, which);
    long timedOut = get(by, ExecutionStatus.TIMED_OUT, which);
    long aborted = get(by, ExecutionStatus.ABORTED, which);
    long started = running + succeeded + failed + timedOut + aborted;
    return new MapRunCounts(Math.max(0, total - started), running, succeeded, failed, timedOut, aborted, Math.max(total, started), written,
        notRedrivable, pendingRedrive);
  }

  private static long get(Map<ExecutionStatus, long[]> by, ExecutionStatus s, int which) {
    long[] v = by.get(s);
    return v == null ? 0 : v[which];
  }
}
