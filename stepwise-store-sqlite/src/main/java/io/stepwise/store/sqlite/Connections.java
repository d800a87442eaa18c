package io.stepwise.store.sqlite;

import io.stepwise.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The store's connections: one writer (WAL, every commit fsynced: synchronous=FULL), used only by
 * the commits, and a pool of readers, so that reads never wait for a commit (WAL readers see the
 * last commit before they began) and a commit never waits for reads.
 */
final class Connections {
  private Connections() {}

  static Connection writer(Path file, SqliteStoreOptions options) throws SQLException {
    SQLiteConfig config = common(options);
    config.setReadOnly(options.readOnly());
    if (!options.readOnly()) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    // FULL: the WAL is fsynced at every commit, so an acknowledged commit survives a power loss
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    Connection c = config.createConnection("jdbc:sqlite:" + file);
    c.setAutoCommit(false);
    return c;
  }

  static Connection reader(Path file, SqliteStoreOptions options) throws SQLException {
    SQLiteConfig config = common(options);
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  private static SQLiteConfig common(SqliteStoreOptions options) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) options.busyTimeout().toMillis());
    return config;
  }

  /** A connection with the statements it has prepared, kept for its next use. */
  static final class Prepared implements AutoCloseable {
    final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Prepared(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement s = statements.get(sql);
      if (s == null) {
        s = connection.prepareStatement(sql);
        statements.put(sql, s);
      }
      return s;
    }

    @Override
    public void close() {
      for (PreparedStatement s : statements.values()) {
        try {
          s.close();
        } catch (SQLException ignored) {
          // closing: the connection's close releases it anyway
        }
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing left to do with a connection that will not close
      }
    }
  }

  /** Work for a reader connection. */
  interface Read<T> {
    T apply(Prepared reader) throws SQLException;
  }

  /** The reader connections, lent one at a time. */
  static final class Readers implements AutoCloseable {
    private final Path file;
    private final List<Prepared> all = new ArrayList<>();
    private final BlockingQueue<Prepared> idle;

    Readers(Path file, SqliteStoreOptions options) throws SQLException {
      this.file = file;
      this.idle = new ArrayBlockingQueue<>(options.readers());
      try {
        for (int i = 0; i < options.readers(); i++) {
          Prepared p = new Prepared(reader(file, options));
          all.add(p);
          idle.add(p);
        }
      } catch (SQLException e) {
        close();
        throw e;
      }
    }

    <T> T read(String doing, Read<T> work) {
      Prepared reader;
      try {
        reader = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("Interrupted while waiting for a reader of the SQLite store " + file);
      }
      try {
        return work.apply(reader);
      } catch (SQLException e) {
        throw Errors.failed(file, doing, e);
      } finally {
        idle.add(reader);
      }
    }

    @Override
    public void close() {
      all.forEach(Prepared::close);
    }
  }
}
