package io.stepwise.store.sqlite;

import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.DerivedRows;
import io.stepwise.store.NewExecution;
import io.stepwise.store.StepWrite;
import io.stepwise.store.Write;
import io.stepwise.store.WriteChecks;
import io.stepwise.store.WriteResult;
import io.stepwise.store.codec.InputCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one writer connection and everything written through it: a batch of writes is one
 * transaction, committed with one fsync of the WAL. The lock keeps the purge and the commits off
 * each other's transactions (the group committer is the commits' only caller).
 */
final class SqliteWriter implements AutoCloseable {
  private static final String INSERT_EXECUTION = "INSERT INTO executions (arn, name, state_machine_arn, state_machine_name, version_arn,"
      + " alias_arn, map_run_arn, type, synchronous, payload_limit, definition_sha256, role_arn, input, start_date, status, output, error,"
      + " cause, stop_date, event_count, id, revision, map_run_items, test_case) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (arn) DO NOTHING";
  /**
   * The most events one purge transaction deletes (it takes whole executions, at least one), so
   * that the group commits waiting for the writer wait for one short transaction at a time.
   */
  static final int PURGE_EVENTS = 20_000;

  private final Path file;
  private final Connections.Opener opener;
  /** The writer connection; null after a failed commit whose connection could not be opened again. */
  private Connections.Prepared w;
  private SqliteRows rows;
  private final ReentrantLock lock = new ReentrantLock();
  /**
   * The id the next new execution gets. This connection is the file's only writer, so it numbers
   * the executions itself rather than ask SQLite for each new rowid (a query per execution); were
   * another process to write the file, the primary key would refuse the duplicate and fail the commit.
   */
  private long nextId;

  SqliteWriter(Path file, Connections.Opener opener, Connection first) throws SQLException {
    this.file = file;
    this.opener = opener;
    use(first);
  }

  private void use(Connection c) throws SQLException {
    w = new Connections.Prepared(c);
    rows = new SqliteRows(w);
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM executions")) {
      nextId = r.next() ? r.getLong(1) : 1;
    }
    c.commit();
  }

  /** The writer connection, opened again if a failure left none. */
  private Connections.Prepared writer() throws SQLException {
    if (w == null) {
      use(opener.open());
    }
    return w;
  }

  List<WriteResult> commit(List<? extends Write> writes) {
    lock.lock();
    try {
      List<WriteResult> results = new ArrayList<>(writes.size());
      try {
        writer();
        for (Write write : writes) {
          results.add(switch (write) {
            case NewExecution n -> create(n);
            case StepWrite s -> step(s);
          });
        }
        w.connection.commit();
      } catch (SQLException e) {
        abandon();
        throw Errors.commitFailed(file, e);
      } catch (SqliteRows.Failed e) {
        abandon();
        throw Errors.commitFailed(file, e.sql());
      } catch (RuntimeException | Error e) {
        abandon();
        throw e;
      }
      return results;
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a failed commit: roll back and close the writer connection, and open a new one for the
   * next commit. Not a rollback alone: when SQLite has rolled the transaction back itself (on a
   * full disk, an I/O error) the driver's rollback fails before it begins the next transaction,
   * and the next batch would run statement by statement, each its own commit. A new connection
   * starts clean, and counts the execution ids again from what the file holds.
   */
  private void abandon() {
    Connections.Prepared failed = w;
    w = null;
    if (failed != null) {
      try {
        failed.connection.rollback();
      } catch (SQLException ignored) {
        // rolled back already by SQLite, or the connection is gone: closing it ends the transaction anyway
      }
      failed.close();
    }
    try {
      writer();
    } catch (SQLException e) {
      w = null; // tried again at the next commit
    }
  }

  private WriteResult create(NewExecution n) throws SQLException {
    ExecutionRecord r = n.record();
    StepWrite first = n.first();
    PreparedStatement s = w.prepare(INSERT_EXECUTION);
    s.setString(1, r.executionArn());
    s.setString(2, r.executionName());
    s.setString(3, r.stateMachineArn());
    s.setString(4, r.stateMachineName());
    s.setString(5, n.versionArn());
    s.setString(6, n.aliasArn());
    s.setString(7, n.mapRunArn());
    s.setString(8, r.type().name());
    s.setInt(9, r.synchronous() ? 1 : 0);
    s.setInt(10, r.payloadLimit());
    s.setString(11, r.definitionSha256());
    s.setString(12, n.roleArn());
    s.setString(13, n.input());
    s.setLong(14, n.startDate());
    bindAfter(s, 15, first);
    long id = nextId;
    s.setLong(21, id);
    s.setString(22, n.revision());
    s.setInt(23, n.mapRunItems());
    s.setString(24, r.testCase());
    if (s.executeUpdate() == 0) {
      return WriteChecks.exists(n); // ON CONFLICT (arn) DO NOTHING: it is stored already
    }
    nextId++;
    append(id, first, true);
    return WriteChecks.committed(n);
  }

  /** Binds status, output, error, cause, stop date and event count from {@code from} on. */
  private static void bindAfter(PreparedStatement s, int from, StepWrite step) throws SQLException {
    s.setString(from, step.status().name());
    s.setString(from + 1, step.output());
    s.setString(from + 2, step.error());
    s.setString(from + 3, step.cause());
    if (step.stopDate() == null) {
      s.setNull(from + 4, Types.INTEGER);
    } else {
      s.setLong(from + 4, step.stopDate());
    }
    s.setLong(from + 5, step.eventsAfter());
  }

  private WriteResult step(StepWrite write) throws SQLException {
    PreparedStatement find = w.prepare("SELECT id, status, event_count FROM executions WHERE arn = ?");
    find.setString(1, write.executionArn());
    long id;
    boolean wasRunning;
    WriteResult.Refused refused;
    try (ResultSet r = find.executeQuery()) {
      boolean found = r.next();
      id = found ? r.getLong(1) : -1;
      wasRunning = found && "RUNNING".equals(r.getString(2));
      refused = found
          ? WriteChecks.step(write, true, ExecutionStatus.valueOf(r.getString(2)), r.getLong(3))
          : WriteChecks.step(write, false, null, 0);
    }
    if (refused != null) {
      return refused;
    }
    HistoryEvent redriven = write.redriven();
    if (redriven == null && wasRunning && write.status() == ExecutionStatus.RUNNING) {
      // most steps: still running, so only the count changes (a running row has no output, error,
      // cause or stop date); setting the status too would rewrite every index that holds it
      PreparedStatement update = w.prepare("UPDATE executions SET event_count = ? WHERE id = ?");
      update.setLong(1, write.eventsAfter());
      update.setLong(2, id);
      update.executeUpdate();
    } else if (redriven == null) {
      PreparedStatement update = w.prepare(
          "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ?, event_count = ? WHERE id = ?");
      bindAfter(update, 1, write);
      update.setLong(7, id);
      update.executeUpdate();
    } else {
      // a redrive: the ended execution's row goes back to RUNNING (or to the redrive's own end)
      PreparedStatement update = w.prepare("UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ?,"
          + " event_count = ?, redrive_count = ?, redrive_date = ? WHERE id = ?");
      bindAfter(update, 1, write);
      update.setInt(7, write.redriveCount());
      update.setLong(8, redriven.timestamp());
      update.setLong(9, id);
      update.executeUpdate();
    }
    append(id, write, false);
    return WriteChecks.committed(write);
  }

  /** The step's events, a child's end, and the derived rows; {@code created}: the execution is new in this batch. */
  private void append(long id, StepWrite write, boolean created) throws SQLException {
    List<HistoryEvent> events = write.step().events();
    if (!events.isEmpty()) {
      PreparedStatement insert = w.prepare("INSERT INTO event_chunks (execution_id, first_id, last_id, json) VALUES (?, ?, ?, ?)");
      List<String> texts = write.eventTexts();
      int from = 0;
      for (int to : HistoryChunks.ends(texts)) {
        insert.setLong(1, id);
        insert.setLong(2, events.get(from).id());
        insert.setLong(3, events.get(to - 1).id());
        insert.setString(4, HistoryChunks.join(texts, from, to));
        insert.addBatch();
        from = to;
      }
      insert.executeBatch();
    }
    if (write.childEnding() != null) {
      PreparedStatement ending = w.prepare("INSERT INTO child_endings (execution_id, after_events, ended) VALUES (?, ?, ?)");
      ending.setLong(1, id);
      ending.setLong(2, write.childEnding().afterEvents());
      ending.setString(3, InputCodec.encode(write.childEnding().input()));
      ending.executeUpdate();
    }
    rows.begin(write.executionArn(), id, created);
    DerivedRows.apply(write, rows);
  }

  int purge(long stoppedBefore, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("The purge limit must be at least 1, not " + limit);
    }
    lock.lock();
    try {
      Connections.Prepared w = writer();
      // the partial index executions_by_stop_date gives the first to stop first
      PreparedStatement old = w.prepare("SELECT id, event_count FROM executions WHERE stop_date IS NOT NULL AND stop_date < ?"
          + " ORDER BY stop_date LIMIT ?");
      old.setLong(1, stoppedBefore);
      old.setInt(2, limit);
      List<Long> ids = new ArrayList<>();
      long events = 0;
      try (ResultSet r = old.executeQuery()) {
        while (r.next() && (ids.isEmpty() || events + r.getLong(2) <= PURGE_EVENTS)) {
          ids.add(r.getLong(1));
          events += r.getLong(2);
        }
      }
      if (!ids.isEmpty()) {
        String in = ids.toString().replace('[', '(').replace(']', ')');
        try (Statement s = w.connection.createStatement()) {
          for (String table : List.of("event_chunks", "child_endings", "timers", "tasks", "task_tokens", "work", "map_runs")) {
            s.executeUpdate("DELETE FROM " + table + " WHERE execution_id IN " + in);
          }
          s.executeUpdate("DELETE FROM executions WHERE id IN " + in);
        }
      }
      w.connection.commit(); // ends the read when nothing was due
      return ids.size();
    } catch (SQLException e) {
      abandon();
      throw Errors.failed(file, "purge", e);
    } finally {
      lock.unlock();
    }
  }

  /** A pragma's value as the writer connection has it (for tests: journal mode, synchronous). */
  String pragma(String name) {
    lock.lock();
    try {
      Connections.Prepared w = writer();
      String v;
      try (Statement s = w.connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
        v = r.next() ? r.getString(1) : null;
      }
      w.connection.commit();
      return v;
    } catch (SQLException e) {
      throw Errors.failed(file, "read PRAGMA " + name, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (w != null) {
        w.close();
        w = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
