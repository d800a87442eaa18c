package io.stepwise.store.sqlite;

import io.stepwise.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's failures said plainly, with the file and what it means for what was committed. */
final class Errors {
  private Errors() {}

  static StoreException commitFailed(Path file, SQLException e) {
    return new StoreException("The SQLite store " + file + " could not commit: " + reason(e)
        + "; nothing of this batch was stored, and what was committed before is intact", e);
  }

  static StoreException failed(Path file, String doing, SQLException e) {
    return new StoreException("The SQLite store " + file + " could not " + doing + ": " + reason(e), e);
  }

  /** What went wrong, by SQLite's primary result code where there is one. */
  static String reason(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode code = s.getResultCode();
      String name = code.name();
      if (name.startsWith("SQLITE_FULL")) {
        return "the database is full (the disk, or the store's size limit) (" + name + ")";
      }
      if (name.startsWith("SQLITE_READONLY")) {
        return "the database is read-only (opened read-only, or the file or its directory cannot be written) (" + name + ")";
      }
      if (name.startsWith("SQLITE_IOERR")) {
        return "an I/O error (" + name + ": " + s.getMessage() + ")";
      }
      if (name.startsWith("SQLITE_BUSY")) {
        return "the database stayed locked by another connection past the busy timeout (" + name + ")";
      }
      if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
        return "the file is damaged or not a database (" + name + ")";
      }
      if (name.startsWith("SQLITE_CANTOPEN")) {
        return "the file cannot be opened (" + name + ")";
      }
      return s.getMessage();
    }
    return e.getMessage();
  }
}
