package io.stepwise.integrations.dynamodb.storage;

import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.TableDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The local DynamoDB's tables and items, in a SQLite file of their own (WAL, every commit
 * fsynced, so a write is durable before it is answered), or in memory. One connection takes every
 * read and write, one transaction at a time: a conditional write reads and writes under one lock,
 * and TransactWriteItems is one SQLite transaction.
 *
 * <p>Items are keyed by their key values encoded so that SQLite's byte order of BLOBs is
 * DynamoDB's order of the values ({@code Keys.bytes}); a Scan walks them by a hash of the hash
 * key, as DynamoDB's partitions spread them.
 */
public final class TableStore implements AutoCloseable {
  /** The file's name under the data directory. */
  public static final String FILE = "dynamodb.db";

  private static final int SCHEMA_VERSION = 1;

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final String where;

  private TableStore(Connection connection, String where) {
    this.connection = connection;
    this.where = where;
  }

  /**
   * Opens (or creates) the store.
   *
   * @param dataDir the data directory; null keeps everything in memory
   */
  public static TableStore open(Path dataDir) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(10_000);
      String url;
      String where;
      if (dataDir == null) {
        url = "jdbc:sqlite::memory:";
        where = "in memory";
      } else {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        url = "jdbc:sqlite:" + file;
        where = file.toString();
      }
      Connection c = config.createConnection(url);
      c.setAutoCommit(false);
      TableStore store = new TableStore(c, where);
      store.migrate();
      return store;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot open the DynamoDB tables" + (dataDir == null ? "" : " in " + dataDir.resolve(FILE)) + ": " + e.getMessage(), e);
    }
  }

  /** Where the tables are: the file, or {@code in memory}. */
  public String where() {
    return where;
  }

  private void migrate() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
        if (r.next()) {
          version = r.getInt(1);
        }
      }
      if (version > SCHEMA_VERSION) {
        throw new SQLException("the file was written by a newer Stepwise (schema version " + version + ", this one knows " + SCHEMA_VERSION + ")");
      }
      if (version < 1) {
        s.execute("CREATE TABLE tables (name TEXT PRIMARY KEY, definition TEXT NOT NULL)");
        // scan: a hash of the hash key, then the hash key itself (the order a Scan walks)
        s.execute("CREATE TABLE items (tbl TEXT NOT NULL, hash BLOB NOT NULL, range BLOB NOT NULL, scan BLOB NOT NULL,"
            + " size INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (tbl, hash, range)) WITHOUT ROWID");
        s.execute("CREATE INDEX items_scan ON items (tbl, scan, range)");
        s.execute("INSERT INTO schema_version VALUES (1)");
      }
    }
    connection.commit();
  }

  /** Runs work as one transaction, committed (and fsynced) before it returns; rolled back if it throws. */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      try {
        T result = work.run(new Tx());
        connection.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // the first failure is the one to report
        }
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("DynamoDB storage failed: " + e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }

  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  /** A stored item: its key bytes (for paging) and its attributes. */
  public record Row(byte[] hash, byte[] range, byte[] scan, Map<String, AttributeValue> item) {}

  /** What a transaction can do. */
  public final class Tx {
    private Tx() {}

    public TableDef table(String name) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement("SELECT definition FROM tables WHERE name = ?")) {
        p.setString(1, name);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? TableCodec.read(r.getString(1)) : null;
        }
      }
    }

    public List<String> tableNames() throws SQLException {
      List<String> out = new ArrayList<>();
      try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT name FROM tables ORDER BY name")) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }

    public void createTable(TableDef table) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement("INSERT INTO tables (name, definition) VALUES (?, ?)")) {
        p.setString(1, table.name());
        p.setString(2, TableCodec.write(table));
        p.executeUpdate();
      }
    }

    public void deleteTable(String name) throws SQLException {
      try (PreparedStatement a = connection.prepareStatement("DELETE FROM items WHERE tbl = ?");
          PreparedStatement b = connection.prepareStatement("DELETE FROM tables WHERE name = ?")) {
        a.setString(1, name);
        a.executeUpdate();
        b.setString(1, name);
        b.executeUpdate();
      }
    }

    /** How many items, and their bytes. */
    public long[] counts(String table) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM items WHERE tbl = ?")) {
        p.setString(1, table);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return new long[] {r.getLong(1), r.getLong(2)};
        }
      }
    }

    public Map<String, AttributeValue> get(String table, byte[] hash, byte[] range) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement("SELECT item FROM items WHERE tbl = ? AND hash = ? AND range = ?")) {
        p.setString(1, table);
        p.setBytes(2, hash);
        p.setBytes(3, range);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? ItemCodec.read(r.getString(1)) : null;
        }
      }
    }

    public void put(String table, byte[] hash, byte[] range, Map<String, AttributeValue> item, long size) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement(
          "INSERT OR REPLACE INTO items (tbl, hash, range, scan, size, item) VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, table);
        p.setBytes(2, hash);
        p.setBytes(3, range);
        p.setBytes(4, ScanOrder.of(hash));
        p.setLong(5, size);
        p.setString(6, ItemCodec.write(item));
        p.executeUpdate();
      }
    }

    public void delete(String table, byte[] hash, byte[] range) throws SQLException {
      try (PreparedStatement p = connection.prepareStatement("DELETE FROM items WHERE tbl = ? AND hash = ? AND range = ?")) {
        p.setString(1, table);
        p.setBytes(2, hash);
        p.setBytes(3, range);
        p.executeUpdate();
      }
    }

    /**
     * Up to {@code limit} items of one hash key in range-key order, after (or before, backwards)
     * the given range key bytes (null: from the start).
     */
    public List<Row> query(String table, byte[] hash, byte[] after, boolean forward, int limit) throws SQLException {
      String sql = "SELECT hash, range, scan, item FROM items WHERE tbl = ? AND hash = ?"
          + (after == null ? "" : forward ? " AND range > ?" : " AND range < ?")
          + " ORDER BY range " + (forward ? "ASC" : "DESC") + " LIMIT ?";
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        int i = 1;
        p.setString(i++, table);
        p.setBytes(i++, hash);
        if (after != null) {
          p.setBytes(i++, after);
        }
        p.setInt(i, limit);
        return rows(p);
      }
    }

    /** Up to {@code limit} items in scan order, after the given position (null: from the start). */
    public List<Row> scan(String table, byte[] afterScan, byte[] afterRange, int limit) throws SQLException {
      String sql = "SELECT hash, range, scan, item FROM items WHERE tbl = ?"
          + (afterScan == null ? "" : " AND (scan > ? OR scan = ? AND range > ?)")
          + " ORDER BY scan, range LIMIT ?";
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        int i = 1;
        p.setString(i++, table);
        if (afterScan != null) {
          p.setBytes(i++, afterScan);
          p.setBytes(i++, afterScan);
          p.setBytes(i++, afterRange);
        }
        p.setInt(i, limit);
        return rows(p);
      }
    }

    private List<Row> rows(PreparedStatement p) throws SQLException {
      List<Row> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Row(r.getBytes(1), r.getBytes(2), r.getBytes(3), ItemCodec.read(r.getString(4))));
        }
      }
      return out;
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: nothing left to do with it
    } finally {
      lock.unlock();
    }
  }
}
