package io.stepwise.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every store passes: extend it with {@link #openStore()} returning a new, empty
 * store, and every test of the suite (one interface per concern) runs against it.
 */
public abstract class StoreContract
    implements ExecutionContract, StepCommitContract, DerivedRowsContract, HistoryContract, WorkIndexContract, GroupCommitContract,
    MapRunContract, RedriveContract, ConsoleListingContract {
  private Store store;
  private Machines machines;

  /** A new, empty store, closed after the test. */
  protected abstract Store openStore();

  @BeforeEach
  void openTheStore() {
    machines = new Machines();
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    store.close();
    machines.engine.close();
  }

  @Override
  public Store store() {
    return store;
  }

  @Override
  public Machines machines() {
    return machines;
  }
}
