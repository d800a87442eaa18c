package io.stepwise.store;

import java.util.List;

/** Every change a store takes: steps, group-committed, and the purge of closed executions. */
public interface WriteStore {
  /**
   * Stores the writes in one transaction (one fsync for a durable store), in order: a later write
   * of the same execution sees what an earlier one wrote. Each write is applied whole or refused
   * whole ({@link WriteResult.Refused}) without failing the others; with each step go its events,
   * the execution's new status and the rows {@link DerivedRows} derives from it.
   *
   * @return one result per write, in the writes' order
   * @throws StoreException when the store itself fails (disk full, read-only, I/O): then nothing of
   *     the batch is stored
   */
  List<WriteResult> commit(List<? extends Write> writes);

  /**
   * Retention: deletes the ended executions that stopped before {@code stoppedBefore} (epoch
   * millis), with everything of theirs (history, children's ends, any rows left).
   *
   * @return how many executions were deleted
   */
  int purge(long stoppedBefore);
}
