package io.stepwise.store.sqlite;

import java.time.Duration;

/**
 * How a {@link SqliteStore} opens its file.
 *
 * @param readers how many reader connections serve reads at once (besides the one writer)
 * @param busyTimeout how long a connection waits for a lock another holds (a checkpoint, another
 *     process) before it fails with SQLITE_BUSY
 * @param readOnly open every connection read-only: reads work, a commit fails with the store's
 *     clear exception (the file must hold a store of this schema already)
 * @param maxDatabaseBytes the most the database may grow to (SQLite's max_page_count); 0 for no
 *     limit but the disk's. A commit past it fails as on a full disk.
 */
public record SqliteStoreOptions(int readers, Duration busyTimeout, boolean readOnly, long maxDatabaseBytes) {
  public SqliteStoreOptions {
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be at least 1: " + readers);
    }
    if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
    }
    if (maxDatabaseBytes < 0) {
      throw new IllegalArgumentException("maxDatabaseBytes must not be negative: " + maxDatabaseBytes);
    }
  }

  public static SqliteStoreOptions defaults() {
    return new SqliteStoreOptions(4, Duration.ofSeconds(5), false, 0);
  }

  public SqliteStoreOptions withReaders(int n) {
    return new SqliteStoreOptions(n, busyTimeout, readOnly, maxDatabaseBytes);
  }

  public SqliteStoreOptions withReadOnly(boolean ro) {
    return new SqliteStoreOptions(readers, busyTimeout, ro, maxDatabaseBytes);
  }

  public SqliteStoreOptions withMaxDatabaseBytes(long bytes) {
    return new SqliteStoreOptions(readers, busyTimeout, readOnly, bytes);
  }
}
