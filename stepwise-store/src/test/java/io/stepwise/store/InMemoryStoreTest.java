package io.stepwise.store;

import io.stepwise.store.memory.InMemoryStore;

/** The in-memory store passes the contract. */
class InMemoryStoreTest extends StoreContract {
  @Override
  protected Store openStore() {
    return new InMemoryStore();
  }
}
