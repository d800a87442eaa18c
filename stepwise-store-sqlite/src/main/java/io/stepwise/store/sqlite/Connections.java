package io.stepwise.store.sqlite;

import io.stepwise.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  /**
   * The WAL's size, in pages, at which a commit copies it back into the database (SQLite's default
   * is 1000, about 4 MB: a checkpoint after nearly every group commit of a few hundred steps). At
   * 10,000 (about 40 MB) the pages a run of commits rewrites (index interiors, the last leaf of
   * each table) are copied once per checkpoint rather than once per commit: about a fifth less
   * time per commit here; a restart after a crash reads at most that much WAL.
   */
  static final int CHECKPOINT_PAGES = 10_000;
  /**
   * The writer's page cache, in KiB (SQLite's default is 2 MiB): an execution's ARN goes into a
   * random place of the ARN index, and with the default cache most such inserts read their leaf
   * from the file first (tens of reads per group commit here, each a system call).
   */
  static final int WRITER_CACHE_KIB = 64 * 1024;

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
    try (Statement s = c.createStatement()) {
      if (!options.readOnly()) {
        s.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
        s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
      }
      if (options.maxDatabaseBytes() > 0) {
        // the connection's limit, not the file's: set on the writer, the one that grows it
        long pageSize;
        try (ResultSet r = s.executeQuery("PRAGMA page_size")) {
          pageSize = r.next() ? r.getLong(1) : 4096;
        }
        s.execute("PRAGMA max_page_count = " + Math.max(1, options.maxDatabaseBytes() / pageSize));
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
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

  /** Opens the writer connection (again, after a failed commit). */
  interface Opener {
    Connection open() throws SQLException;
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
