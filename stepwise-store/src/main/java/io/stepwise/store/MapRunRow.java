package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.RedriveRules;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Map Run as DescribeMapRun shows it: its record, and its children and their items counted by
 * status. Children not started yet are pending; {@code resultsWritten} and {@code pendingRedrive}
 * are the record's.
 *
 * <p>{@code failuresNotRedrivable} (inferred from the model's words, "cannot be redriven because
 * their execution status is terminal"): every unsuccessful child of a run that succeeded (its Map
 * state is never redriven), else the Standard children that a redrive of the run would find not
 * redrivable themselves ({@link #notRedrivable}); an Express child can always start again.
 */
public record MapRunRow(MapRunRecord run, MapRunCounts executions, MapRunCounts items) {

  /**
   * How many of a run's children (and of their items) a store found in one status, and how many
   * of those cannot be redriven ({@link #notRedrivable}).
   */
  public record Tally(ExecutionStatus status, long executions, long items, long notRedrivableExecutions, long notRedrivableItems) {
    /** None of them not redrivable. */
    public Tally(ExecutionStatus status, long executions, long items) {
      this(status, executions, items, 0, 0);
    }
  }

  /**
   * Whether a child that ended so would be refused a redrive of its run at {@code now}: a Standard
   * one that did not succeed and that RedriveExecution's own rules refuse (its history's event
   * limit, a year since its start, 14 days since its stop). The SQLite store asks the same in SQL.
   */
  public static boolean notRedrivable(ExecutionType type, ExecutionStatus status, long startDate, Long stopDate, long events, long now) {
    return type == ExecutionType.STANDARD && unsuccessful(status)
        && RedriveRules.notRedrivable(type, status, startDate, stopDate, events, now) != null;
  }

  private static boolean unsuccessful(ExecutionStatus s) {
    return s == ExecutionStatus.FAILED || s == ExecutionStatus.TIMED_OUT || s == ExecutionStatus.ABORTED;
  }

  /** The row of a run whose started children the store tallied by status. */
  public static MapRunRow of(MapRunRecord run, List<Tally> tallies) {
    Map<ExecutionStatus, long[]> by = new EnumMap<>(ExecutionStatus.class);
    long[] notRedrivable = new long[2];
    long[] unsuccessful = new long[2];
    for (Tally t : tallies) {
      long[] sum = by.computeIfAbsent(t.status(), s -> new long[2]);
      sum[0] += t.executions();
      sum[1] += t.items();
      notRedrivable[0] += t.notRedrivableExecutions();
      notRedrivable[1] += t.notRedrivableItems();
      if (unsuccessful(t.status())) {
        unsuccessful[0] += t.executions();
        unsuccessful[1] += t.items();
      }
    }
    long[] permanent = run.status() == MapRunStatus.SUCCEEDED ? unsuccessful : notRedrivable;
    return new MapRunRow(run, MapRunCounts.of(by, 0, run.children(), run.childrenWritten(), permanent[0], run.pendingRedrive()),
        MapRunCounts.of(by, 1, run.items(), run.itemsWritten(), permanent[1], run.pendingRedriveItems()));
  }
}
