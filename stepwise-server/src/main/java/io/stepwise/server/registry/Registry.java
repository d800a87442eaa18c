package io.stepwise.server.registry;

import java.util.function.Function;

/**
 * Where the server keeps state machines, versions, aliases, activities and tags: storage only,
 * behind transactions, so that a durable store can take the in-memory one's place. Every AWS
 * rule (what is idempotent, how versions are numbered, what may be deleted when) is the
 * operations', which read and write through a transaction.
 *
 * <p>A transaction's work may run again if the store must retry it (an optimistic store after a
 * conflict), so it must do nothing but read and write through the transaction it is given. An
 * exception thrown by the work undoes everything it wrote and reaches the caller.
 */
public interface Registry {
  /** Runs {@code work} over a consistent view; it sees no writes made meanwhile. */
  <T> T read(Function<RegistryView, T> work);

  /** Runs {@code work} atomically, isolated from every other transaction. */
  <T> T write(Function<RegistryTransaction, T> work);
}
