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
import io.stepwise.store.codec.HistoryText;
import io.stepwise.store.codec.InputCodec;
import java.nio.file.Path;
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
      + " cause, stop_date, event_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (arn) DO NOTHING RETURNING id";
  /** The executions purged per transaction, so a purge holds up the commits for one small transaction at a time. */
  private static final int PURGE_CHUNK = 100;

  private final Path file;
  private final Connections.Prepared w;
  private final SqliteRows rows;
  private final ReentrantLock lock = new ReentrantLock();

  SqliteWriter(Path file, Connections.Prepared writer) {
    this.file = file;
    this.w = writer;
    this.rows = new SqliteRows(writer);
  }

  List<WriteResult> commit(List<? extends Write> writes) {
    lock.lock();
    try {
      List<WriteResult> results = new ArrayList<>(writes.size());
      try {
        for (Write write : writes) {
          results.add(switch (write) {
            case NewExecution n -> create(n);
            case StepWrite s -> step(s);
          });
        }
        w.connection.commit();
      } catch (SQLException e) {
        rollback();
        throw Errors.commitFailed(file, e);
      } catch (SqliteRows.Failed e) {
        rollback();
        throw Errors.commitFailed(file, e.sql());
      } catch (RuntimeException | Error e) {
        rollback();
        throw e;
      }
      return results;
    } finally {
      lock.unlock();
    }
  }

  private void rollback() {
    try {
      w.connection.rollback();
    } catch (SQLException ignored) {
      // SQLite may have rolled the transaction back itself (SQLITE_FULL, an I/O error): nothing is left to undo
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
    long id;
    try (ResultSet k = s.executeQuery()) {
      if (!k.next()) {
        return WriteChecks.exists(n);
      }
      id = k.getLong(1);
    }
    append(id, first);
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
    WriteResult.Refused refused;
    try (ResultSet r = find.executeQuery()) {
      boolean found = r.next();
      id = found ? r.getLong(1) : -1;
      refused = found
          ? WriteChecks.step(write, true, ExecutionStatus.valueOf(r.getString(2)), r.getLong(3))
          : WriteChecks.step(write, false, null, 0);
    }
    if (refused != null) {
      return refused;
    }
    PreparedStatement update = w.prepare(
        "UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ?, event_count = ? WHERE id = ?");
    bindAfter(update, 1, write);
    update.setLong(7, id);
    update.executeUpdate();
    append(id, write);
    return WriteChecks.committed(write);
  }

  /** The step's events, a child's end, and the derived rows. */
  private void append(long id, StepWrite write) throws SQLException {
    List<HistoryEvent> events = write.step().events();
    if (!events.isEmpty()) {
      PreparedStatement insert = w.prepare("INSERT INTO events (execution_id, id, type, timestamp, json) VALUES (?, ?, ?, ?, ?)");
      for (HistoryEvent e : events) {
        insert.setLong(1, id);
        insert.setLong(2, e.id());
        insert.setString(3, e.type().name());
        insert.setLong(4, e.timestamp());
        insert.setString(5, HistoryText.encode(e));
        insert.executeUpdate();
      }
    }
    if (write.childEnding() != null) {
      PreparedStatement ending = w.prepare("INSERT INTO child_endings (execution_id, after_events, ended) VALUES (?, ?, ?)");
      ending.setLong(1, id);
      ending.setLong(2, write.childEnding().afterEvents());
      ending.setString(3, InputCodec.encode(write.childEnding().ended()));
      ending.executeUpdate();
    }
    rows.begin(write.executionArn(), id);
    DerivedRows.apply(write, rows);
  }

  int purge(long stoppedBefore) {
    int purged = 0;
    while (true) {
      lock.lock();
      try {
        List<Long> ids = new ArrayList<>(PURGE_CHUNK);
        PreparedStatement old = w.prepare("SELECT id FROM executions WHERE stop_date IS NOT NULL AND stop_date < ? LIMIT " + PURGE_CHUNK);
        old.setLong(1, stoppedBefore);
        try (ResultSet r = old.executeQuery()) {
          while (r.next()) {
            ids.add(r.getLong(1));
          }
        }
        if (ids.isEmpty()) {
          w.connection.commit(); // ends the read
          return purged;
        }
        String in = ids.toString().replace('[', '(').replace(']', ')');
        try (Statement s = w.connection.createStatement()) {
          for (String table : List.of("events", "child_endings", "timers", "tasks", "task_tokens")) {
            s.executeUpdate("DELETE FROM " + table + " WHERE execution_id IN " + in);
          }
          s.executeUpdate("DELETE FROM executions WHERE id IN " + in);
        }
        w.connection.commit();
        purged += ids.size();
      } catch (SQLException e) {
        rollback();
        throw Errors.failed(file, "purge", e);
      } finally {
        lock.unlock();
      }
    }
  }

  /** A pragma's value as the writer connection has it (for tests: journal mode, synchronous). */
  String pragma(String name) {
    lock.lock();
    try {
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
      w.close();
    } finally {
      lock.unlock();
    }
  }
}
