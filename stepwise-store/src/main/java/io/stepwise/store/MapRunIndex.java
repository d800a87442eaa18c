package io.stepwise.store;

import io.stepwise.engine.MapRunRecord;
import java.util.Optional;

/**
 * Distributed Map runs: DescribeMapRun and ListMapRuns. A run's row is its {@link MapRunRecord},
 * kept by the steps of the execution that runs it ({@code PutMapRun}); its children are counted
 * from their own execution rows, so the counts are what the children are, whatever their parent
 * has heard of them.
 */
public interface MapRunIndex {
  /**
   * The run's row with its children counted by status, and those not redrivable as of {@code now}
   * (epoch millis); empty when no run of this ARN is stored.
   */
  Optional<MapRunRow> mapRun(String mapRunArn, long now);

  /** As {@link #mapRun(String, long)}, as of the system clock's now. */
  default Optional<MapRunRow> mapRun(String mapRunArn) {
    return mapRun(mapRunArn, System.currentTimeMillis());
  }

  /**
   * The runs an execution started, newest first (by start date, then ARN), a page at a time.
   *
   * @param nextToken the previous page's token, or null for the first page; a token of another
   *     listing is an {@link InvalidPageTokenException}
   */
  Page<MapRunRecord> mapRuns(String executionArn, int limit, String nextToken);
}
