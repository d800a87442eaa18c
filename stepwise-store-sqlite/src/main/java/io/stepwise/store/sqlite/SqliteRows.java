package io.stepwise.store.sqlite;

import io.stepwise.store.RowSink;
import io.stepwise.store.TaskRow;
import io.stepwise.store.TimerRow;
import io.stepwise.store.TokenRow;
import io.stepwise.store.WorkRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The derived rows' operations on the writer connection, inside the commit's transaction. A
 * failure is rethrown unchecked ({@link Failed}) through {@code DerivedRows} and turned back into
 * the commit's {@link SQLException} by {@link SqliteWriter}, which rolls the batch back.
 */
final class SqliteRows implements RowSink {
  /** A SQLException carried through the store-agnostic {@code DerivedRows}. */
  static final class Failed extends RuntimeException {
    Failed(SQLException cause) {
      super(cause);
    }

    SQLException sql() {
      return (SQLException) getCause();
    }
  }

  private interface Sql<T> {
    T run() throws SQLException;
  }

  private final Connections.Prepared w;
  /** The execution of the write being applied: nearly every call is about it. */
  private String currentArn;
  private long currentId;
  /**
   * Whether the current execution may have rows: not when it was created by this very write and
   * none was put since. Most executions that end in their first step (all of {@code ten}) then end
   * without three deletes that would find nothing.
   */
  private boolean mayHaveRows;

  SqliteRows(Connections.Prepared writer) {
    this.w = writer;
  }

  void begin(String arn, long id, boolean created) {
    currentArn = arn;
    currentId = id;
    mayHaveRows = !created;
  }

  private static <T> T sql(Sql<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  /** The execution's id, or -1 when it is not stored (then there is nothing of it to change). */
  private long idOf(String arn) throws SQLException {
    if (arn.equals(currentArn)) {
      return currentId;
    }
    PreparedStatement s = w.prepare("SELECT id FROM executions WHERE arn = ?");
    s.setString(1, arn);
    try (ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : -1;
    }
  }

  private void update(String sql, String arn, Consumer<PreparedStatement> binder, long... keys) {
    sql(() -> {
      long id = idOf(arn);
      if (id < 0) {
        return null;
      }
      PreparedStatement s = w.prepare(sql);
      s.setLong(1, id);
      for (int i = 0; i < keys.length; i++) {
        s.setLong(2 + i, keys[i]);
      }
      binder.accept(s);
      s.executeUpdate();
      return null;
    });
  }

  @Override
  public void putTimer(TimerRow t) {
    putting(t.executionArn());
    update("INSERT INTO timers (execution_id, timer_id, kind, due) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (execution_id, timer_id) DO UPDATE SET kind = excluded.kind, due = excluded.due", t.executionArn(), s -> {
          set(s, 3, t.kind().name());
          setLong(s, 4, t.due());
        }, t.timerId());
  }

  @Override
  public void deleteTimer(String arn, long timerId) {
    update("DELETE FROM timers WHERE execution_id = ? AND timer_id = ?", arn, s -> { }, timerId);
  }

  @Override
  public void putTask(TaskRow t) {
    putting(t.executionArn());
    update("INSERT INTO tasks (execution_id, scheduled_event_id, command, task_token, activity_arn, started, worker_name)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", t.executionArn(), s -> {
          set(s, 3, t.command());
          set(s, 4, t.taskToken());
          set(s, 5, t.activityArn());
          setLong(s, 6, t.started() ? 1 : 0);
          set(s, 7, t.workerName());
        }, t.scheduledEventId());
  }

  @Override
  public TaskRow task(String arn, long scheduledEventId) {
    return sql(() -> {
      long id = idOf(arn);
      if (id < 0) {
        return null;
      }
      PreparedStatement s = w.prepare(
          "SELECT command, task_token, activity_arn, started, worker_name FROM tasks WHERE execution_id = ? AND scheduled_event_id = ?");
      s.setLong(1, id);
      s.setLong(2, scheduledEventId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new TaskRow(arn, scheduledEventId, r.getString(1), r.getString(2), r.getString(3), r.getInt(4) != 0, r.getString(5)) : null;
      }
    });
  }

  @Override
  public void deleteTask(String arn, long scheduledEventId) {
    update("DELETE FROM tasks WHERE execution_id = ? AND scheduled_event_id = ?", arn, s -> { }, scheduledEventId);
  }

  @Override
  public void markStarted(String arn, long scheduledEventId, String workerName) {
    // the key binds first: (execution_id, scheduled_event_id), then the worker
    update("UPDATE tasks SET started = 1, worker_name = ?3 WHERE execution_id = ?1 AND scheduled_event_id = ?2", arn,
        s -> set(s, 3, workerName), scheduledEventId);
  }

  @Override
  public void putToken(TokenRow t) {
    putting(t.executionArn());
    sql(() -> {
      long id = idOf(t.executionArn());
      if (id < 0) {
        return null;
      }
      PreparedStatement s = w.prepare("INSERT INTO task_tokens (token, execution_id, scheduled_event_id, activity_arn) VALUES (?, ?, ?, ?)");
      s.setString(1, t.taskToken());
      s.setLong(2, id);
      s.setLong(3, t.scheduledEventId());
      s.setString(4, t.activityArn());
      s.executeUpdate();
      return null;
    });
  }

  @Override
  public TokenRow token(String taskToken) {
    return sql(() -> {
      PreparedStatement s = w.prepare("SELECT e.arn, t.scheduled_event_id, t.activity_arn FROM task_tokens t"
          + " JOIN executions e ON e.id = t.execution_id WHERE t.token = ?");
      s.setString(1, taskToken);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new TokenRow(taskToken, r.getString(1), r.getLong(2), r.getString(3)) : null;
      }
    });
  }

  @Override
  public void deleteToken(String taskToken) {
    sql(() -> {
      PreparedStatement s = w.prepare("DELETE FROM task_tokens WHERE token = ?");
      s.setString(1, taskToken);
      s.executeUpdate();
      return null;
    });
  }

  @Override
  public void putMapRun(io.stepwise.engine.MapRunRecord run) {
    sql(() -> {
      long id = idOf(run.executionArn());
      if (id < 0) {
        return null;
      }
      PreparedStatement s = w.prepare("INSERT INTO map_runs (arn, execution_id, state_machine_arn, status, start_date, stop_date,"
          + " max_concurrency, tolerated_failure_count, tolerated_failure_percentage, children, items, children_written, items_written,"
          + " redrive_count, redrive_date, pending_redrive, pending_redrive_items)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (arn) DO UPDATE SET status = excluded.status,"
          + " stop_date = excluded.stop_date, max_concurrency = excluded.max_concurrency,"
          + " tolerated_failure_count = excluded.tolerated_failure_count, tolerated_failure_percentage = excluded.tolerated_failure_percentage,"
          + " children = excluded.children, items = excluded.items, children_written = excluded.children_written,"
          + " items_written = excluded.items_written, redrive_count = excluded.redrive_count, redrive_date = excluded.redrive_date,"
          + " pending_redrive = excluded.pending_redrive, pending_redrive_items = excluded.pending_redrive_items");
      s.setString(1, run.mapRunArn());
      s.setLong(2, id);
      s.setString(3, run.stateMachineArn());
      s.setString(4, run.status().name());
      s.setLong(5, run.startDate());
      if (run.stopDate() == null) {
        s.setNull(6, java.sql.Types.INTEGER);
      } else {
        s.setLong(6, run.stopDate());
      }
      s.setInt(7, run.maxConcurrency());
      s.setLong(8, run.toleratedFailureCount());
      s.setDouble(9, run.toleratedFailurePercentage());
      s.setInt(10, run.children());
      s.setLong(11, run.items());
      s.setInt(12, run.childrenWritten());
      s.setLong(13, run.itemsWritten());
      s.setInt(14, run.redriveCount());
      if (run.redriveDate() == null) {
        s.setNull(15, java.sql.Types.INTEGER);
      } else {
        s.setLong(15, run.redriveDate());
      }
      s.setInt(16, run.pendingRedrive());
      s.setLong(17, run.pendingRedriveItems());
      s.executeUpdate();
      return null;
    });
  }

  private void putting(String arn) {
    if (arn.equals(currentArn)) {
      mayHaveRows = true;
    }
  }

  @Override
  public boolean running(String arn) {
    return sql(() -> {
      PreparedStatement s = w.prepare("SELECT status FROM executions WHERE arn = ?");
      s.setString(1, arn);
      try (ResultSet r = s.executeQuery()) {
        return r.next() && "RUNNING".equals(r.getString(1));
      }
    });
  }

  @Override
  public void putWork(WorkRow row) {
    putting(row.executionArn());
    update("INSERT INTO work (execution_id, item) VALUES (?, ?) ON CONFLICT DO NOTHING", row.executionArn(), s -> set(s, 2, row.item()));
  }

  @Override
  public void deleteWork(String arn, String item) {
    update("DELETE FROM work WHERE execution_id = ? AND item = ?", arn, s -> set(s, 2, item));
  }

  @Override
  public void deleteAll(String arn) {
    if (arn.equals(currentArn) && !mayHaveRows) {
      return;
    }
    update("DELETE FROM timers WHERE execution_id = ?", arn, s -> { });
    update("DELETE FROM tasks WHERE execution_id = ?", arn, s -> { });
    update("DELETE FROM task_tokens WHERE execution_id = ?", arn, s -> { });
    update("DELETE FROM work WHERE execution_id = ?", arn, s -> { });
  }

  private static void set(PreparedStatement s, int i, String v) {
    try {
      s.setString(i, v);
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }

  private static void setLong(PreparedStatement s, int i, long v) {
    try {
      s.setLong(i, v);
    } catch (SQLException e) {
      throw new Failed(e);
    }
  }
}
