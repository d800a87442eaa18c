package io.stepwise.store.sqlite;

import io.stepwise.store.Store;
import io.stepwise.store.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the contract, on a new file per test. */
class SqliteStoreContractTest extends StoreContract {
  @TempDir
  Path dir;

  @Override
  protected Store openStore() {
    return SqliteStore.open(dir.resolve("store.db"));
  }
}
