package io.stepwise.store;

/**
 * A store for durable executions: one {@link WriteStore} for every change, and reads by concern.
 * Every implementation passes the one contract suite (the test-jar's {@code StoreContract}).
 */
public interface Store extends WriteStore, ExecutionIndex, HistoryStore, WorkIndex, MapRunIndex, AutoCloseable {
  /** Releases the store's connections and files; what was committed stays. */
  @Override
  void close();
}
