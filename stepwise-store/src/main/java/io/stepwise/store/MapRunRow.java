package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.MapRunRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Map Run as DescribeMapRun shows it: its record, and its children and their items counted by
 * status. Children not started yet are pending; {@code resultsWritten} is the record's.
 */
public record MapRunRow(MapRunRecord run, MapRunCounts executions, MapRunCounts items) {

  /** How many of a run's children (and of their items) a store found in one status. */
  public record Tally(ExecutionStatus status, long executions, long items) {}

  /** The row of a run whose started children the store tallied by status. */
  public static MapRunRow of(MapRunRecord run, List<Tally> tallies) {
    Map<ExecutionStatus, long[]> by = new EnumMap<>(ExecutionStatus.class);
    for (Tally t : tallies) {
      long[] sum = by.computeIfAbsent(t.status(), s -> new long[2]);
      sum[0] += t.executions();
      sum[1] += t.items();
    }
    return new MapRunRow(run, MapRunCounts.of(by, 0, run.children(), run.childrenWritten()),
        MapRunCounts.of(by, 1, run.items(), run.itemsWritten()));
  }
}
