package io.stepwise.store.sqlite;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.RedriveRules;
import io.stepwise.store.MapRunRow;
import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Map Runs, read on the reader connections: a run's row with its children tallied from theirs. */
final class MapRunReads {
  private static final String COLUMNS = "SELECT m.arn, e.arn, m.state_machine_arn, m.status, m.start_date, m.stop_date, m.max_concurrency,"
      + " m.tolerated_failure_count, m.tolerated_failure_percentage, m.children, m.items, m.children_written, m.items_written,"
      + " m.redrive_count, m.redrive_date, m.pending_redrive, m.pending_redrive_items"
      + " FROM map_runs m JOIN executions e ON e.id = m.execution_id";
  /**
   * The children by status, and of them those a redrive of the run could not run again: a Standard
   * one that did not succeed and that RedriveRules refuse (MapRunRow.notRedrivable, in SQL).
   */
  private static final String NOT_REDRIVABLE = "type = 'STANDARD' AND status IN ('FAILED', 'TIMED_OUT', 'ABORTED')"
      + " AND (event_count >= " + RedriveRules.MAX_EVENTS + " OR ?1 >= start_date + " + RedriveRules.MAX_OPEN_MILLIS
      + " OR (stop_date IS NOT NULL AND ?1 > stop_date + " + RedriveRules.REDRIVABLE_MILLIS + "))";
  private static final String TALLY = "SELECT status, count(*), sum(map_run_items), sum(CASE WHEN " + NOT_REDRIVABLE + " THEN 1 ELSE 0 END),"
      + " sum(CASE WHEN " + NOT_REDRIVABLE + " THEN map_run_items ELSE 0 END) FROM executions WHERE map_run_arn = ?2 GROUP BY status";

  private final Connections.Readers readers;

  MapRunReads(Connections.Readers readers) {
    this.readers = readers;
  }

  Optional<MapRunRow> mapRun(String arn, long now) {
    return readers.read("read the Map Run " + arn, r -> {
      PreparedStatement s = r.prepare(COLUMNS + " WHERE m.arn = ?");
      s.setString(1, arn);
      MapRunRecord run;
      try (ResultSet q = s.executeQuery()) {
        if (!q.next()) {
          return Optional.empty();
        }
        run = record(q);
      }
      // the children by the index on (map_run_arn, ...): one group per status
      PreparedStatement c = r.prepare(TALLY);
      c.setLong(1, now);
      c.setString(2, arn);
      List<MapRunRow.Tally> tallies = new ArrayList<>();
      try (ResultSet q = c.executeQuery()) {
        while (q.next()) {
          tallies.add(new MapRunRow.Tally(ExecutionStatus.valueOf(q.getString(1)), q.getLong(2), q.getLong(3), q.getLong(4), q.getLong(5)));
        }
      }
      return Optional.of(MapRunRow.of(run, tallies));
    });
  }

  Page<MapRunRecord> mapRuns(String executionArn, int limit, String nextToken) {
    String[] after = nextToken == null ? null : PageTokens.decode("mapRuns", nextToken, 2);
    long afterDate = after == null ? 0 : PageTokens.number(after[0], nextToken);
    String sql = COLUMNS + " WHERE m.execution_id = (SELECT id FROM executions WHERE arn = ?)"
        + (after != null ? " AND (m.start_date, m.arn) < (?, ?)" : "") + " ORDER BY m.start_date DESC, m.arn DESC LIMIT ?";
    return readers.read("list the Map Runs of " + executionArn, r -> {
      PreparedStatement s = r.prepare(sql);
      int i = 1;
      s.setString(i++, executionArn);
      if (after != null) {
        s.setLong(i++, afterDate);
        s.setString(i++, after[1]);
      }
      s.setInt(i, limit + 1);
      List<MapRunRecord> out = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(record(q));
        }
      }
      if (out.size() <= limit) {
        return new Page<>(out, null);
      }
      List<MapRunRecord> page = out.subList(0, limit);
      MapRunRecord last = page.get(page.size() - 1);
      return new Page<>(List.copyOf(page), PageTokens.encode("mapRuns", Long.toString(last.startDate()), last.mapRunArn()));
    });
  }

  private static MapRunRecord record(ResultSet q) throws SQLException {
    return new MapRunRecord(q.getString(1), q.getString(2), q.getString(3), MapRunStatus.valueOf(q.getString(4)), q.getLong(5),
        ExecutionReads.nullableLong(q, 6), q.getInt(7), q.getLong(8), q.getDouble(9), q.getInt(10), q.getLong(11), q.getInt(12),
        q.getLong(13), q.getInt(14), ExecutionReads.nullableLong(q, 15), q.getInt(16), q.getLong(17));
  }
}
