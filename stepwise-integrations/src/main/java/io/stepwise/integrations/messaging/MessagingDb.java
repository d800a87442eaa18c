package io.stepwise.integrations.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database of the local queues, topics and buses: {@code messaging.db} under the data
 * directory (WAL, every commit fsynced, so what a call stored is on disk before it answers), or
 * in memory when there is none. One connection, used by one caller at a time ({@link #run}):
 * local messaging is light, and one writer keeps every operation a plain transaction.
 */
public final class MessagingDb implements AutoCloseable {
  public static final String FILE = "messaging.db";
  private static final int SCHEMA = 1;

  /** Work on the connection inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Path file;

  private MessagingDb(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
  }

  /** @param dataDir the data directory, or null for a database in memory */
  public static MessagingDb open(Path dataDir) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(10_000);
      Path file = null;
      String url = "jdbc:sqlite::memory:";
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        file = dataDir.resolve(FILE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        url = "jdbc:sqlite:" + file;
      }
      Connection c = config.createConnection(url);
      MessagingDb db = new MessagingDb(c, file);
      db.migrate();
      return db;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open the local messaging database" + (dataDir == null ? "" : " in " + dataDir) + ": " + e.getMessage(), e);
    }
  }

  /** Where it is kept; null in memory. */
  public Path file() {
    return file;
  }

  private void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      int version;
      try (var rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA) {
        throw new SQLException(FILE + " was written by a newer Stepwise (schema " + version + ", this one knows " + SCHEMA + ")");
      }
      if (version == SCHEMA) {
        return;
      }
      connection.setAutoCommit(false);
      for (String sql : MessagingSchema.V1) {
        s.execute(sql);
      }
      s.execute("PRAGMA user_version = " + SCHEMA);
      connection.commit();
      connection.setAutoCommit(true);
    }
  }

  /** Runs the work in one transaction, committed before it returns; a failure rolls it back. */
  public <T> T run(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T out = work.run(connection);
        connection.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the local messaging database failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      // closing: nothing is left to lose
    } finally {
      lock.unlock();
    }
  }
}
