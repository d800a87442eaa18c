package io.stepwise.store.sqlite;

import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.MapRunRow;
import io.stepwise.store.Page;
import io.stepwise.store.Store;
import io.stepwise.store.StoreException;
import io.stepwise.store.TaskRow;
import io.stepwise.store.TimerRow;
import io.stepwise.store.TokenRow;
import io.stepwise.store.WorkRow;
import io.stepwise.store.Write;
import io.stepwise.store.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The default embedded store: one SQLite file (with its {@code -wal} and {@code -shm} beside it)
 * in WAL mode with {@code synchronous=FULL}, so every commit is fsynced before it returns. One
 * writer connection takes every write (a group commit is one transaction); reads go to a pool of
 * reader connections and see the last commit before they began, never part of a batch.
 */
public final class SqliteStore implements Store {
  private final Path file;
  private final SqliteWriter writer;
  private final Connections.Readers readers;
  private final ExecutionReads executions;
  private final WorkReads work;
  private final MapRunReads mapRuns;

  private SqliteStore(Path file, SqliteWriter writer, Connections.Readers readers) {
    this.file = file;
    this.writer = writer;
    this.readers = readers;
    this.executions = new ExecutionReads(readers);
    this.work = new WorkReads(readers);
    this.mapRuns = new MapRunReads(readers);
  }

  /** Opens the store in {@code file}, creating it (and migrating its schema) as needed. */
  public static SqliteStore open(Path file) {
    return open(file, SqliteStoreOptions.defaults());
  }

  public static SqliteStore open(Path file, SqliteStoreOptions options) {
    Path path = file.toAbsolutePath();
    if (options.readOnly() && !Files.exists(path)) {
      throw new StoreException("The SQLite store " + path + " does not exist, and a read-only open does not create it");
    }
    Connection w = null;
    try {
      w = Connections.writer(path, options);
      if (options.readOnly()) {
        Migrations.check(path, w);
      } else {
        Migrations.migrate(path, w);
      }
      SqliteWriter writer = new SqliteWriter(path, () -> Connections.writer(path, options), w);
      return new SqliteStore(path, writer, new Connections.Readers(path, options));
    } catch (SQLException e) {
      closeQuietly(w);
      throw Errors.failed(path, "open", e);
    } catch (RuntimeException e) {
      closeQuietly(w);
      throw e;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing; the first failure is the one to report
      }
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public List<WriteResult> commit(List<? extends Write> writes) {
    return writes.isEmpty() ? List.of() : writer.commit(writes);
  }

  @Override
  public int purge(long stoppedBefore, int limit) {
    return writer.purge(stoppedBefore, limit);
  }

  @Override
  public Optional<ExecutionRow> execution(String executionArn) {
    return executions.execution(executionArn);
  }

  @Override
  public Page<ExecutionSummary> executions(ExecutionQuery query) {
    return executions.executions(query);
  }

  @Override
  public Page<String> running(int limit, String nextToken) {
    return executions.running(limit, nextToken);
  }

  @Override
  public long runningCount() {
    return executions.runningCount();
  }

  @Override
  public List<HistoryEvent> history(String executionArn) {
    return executions.history(executionArn);
  }

  @Override
  public List<HistoryEvent> history(String executionArn, long afterEventId, int limit, boolean reverse) {
    return executions.history(executionArn, afterEventId, limit, reverse);
  }

  @Override
  public List<ChildEnding> childEndings(String executionArn) {
    return executions.childEndings(executionArn);
  }

  @Override
  public Optional<MapRunRow> mapRun(String mapRunArn, long now) {
    return mapRuns.mapRun(mapRunArn, now);
  }

  @Override
  public Page<MapRunRecord> mapRuns(String executionArn, int limit, String nextToken) {
    return mapRuns.mapRuns(executionArn, limit, nextToken);
  }

  @Override
  public List<TimerRow> timersDue(long time, int limit) {
    return work.timersDue(time, limit);
  }

  @Override
  public long timersDueCount(long time) {
    return work.timersDueCount(time);
  }

  @Override
  public Page<WorkRow> work(int limit, String nextToken) {
    return work.work(limit, nextToken);
  }

  @Override
  public Page<TimerRow> timers(int limit, String nextToken) {
    return work.timers(limit, nextToken);
  }

  @Override
  public Page<TaskRow> tasks(int limit, String nextToken) {
    return work.tasks(limit, nextToken);
  }

  @Override
  public Optional<TokenRow> taskToken(String taskToken) {
    return work.taskToken(taskToken);
  }

  @Override
  public List<TaskRow> activityTasks(String activityArn, int limit) {
    return work.activityTasks(activityArn, limit);
  }

  @Override
  public List<TaskRow> takenActivityTasks(String activityArn, int limit) {
    return work.takenActivityTasks(activityArn, limit);
  }

  String writerPragma(String name) {
    return writer.pragma(name);
  }

  @Override
  public void close() {
    readers.close();
    writer.close();
  }
}
