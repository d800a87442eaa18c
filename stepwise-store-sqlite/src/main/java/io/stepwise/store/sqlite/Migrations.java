package io.stepwise.store.sqlite;

import io.stepwise.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema, by versioned migrations: {@code migrations/V1.sql}, {@code V2.sql}, ... on the
 * classpath beside this class, each run once, in order, in one transaction with its row in {@code
 * schema_version}. A file written by a newer Stepwise (a version this one has no script for) is
 * refused rather than misread.
 */
final class Migrations {
  private Migrations() {}

  /** The newest version this code has a script for. */
  static int latest() {
    int v = 0;
    while (script(v + 1) != null) {
      v++;
    }
    return v;
  }

  /** Brings the schema up to {@link #latest()}; the connection is the writer, not in auto-commit. */
  static void migrate(Path file, Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    }
    c.commit();
    int current = current(c);
    int latest = latest();
    refuseNewer(file, current, latest);
    for (int v = current + 1; v <= latest; v++) {
      try (Statement s = c.createStatement()) {
        for (String sql : statements(script(v))) {
          s.execute(sql);
        }
        s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** For a read-only open: the schema must be current already. */
  static void check(Path file, Connection c) throws SQLException {
    int current;
    try {
      current = current(c);
    } catch (SQLException e) {
      throw new StoreException("The file " + file + " holds no Stepwise store (no schema_version table): open it writable once to create it", e);
    }
    int latest = latest();
    refuseNewer(file, current, latest);
    if (current < latest) {
      throw new StoreException("The store " + file + " has schema version " + current + " and this Stepwise needs " + latest
          + ": open it writable once to migrate it");
    }
  }

  private static void refuseNewer(Path file, int current, int latest) {
    if (current > latest) {
      throw new StoreException("The store " + file + " has schema version " + current + ", newer than this Stepwise knows (" + latest
          + "): it was written by a newer version");
    }
  }

  static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  static String script(int version) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/V" + version + ".sql")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("Cannot read the store's migration V" + version + ".sql", e);
    }
  }

  /** The script's statements: comment lines dropped, split where a line ends with a semicolon. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
