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
   * Retention, a little at a time: deletes, in one short transaction, at most {@code limit} of the
   * ended executions that stopped before {@code stoppedBefore} (epoch millis), those that stopped
   * first first, each with everything of its own (history, children's ends, any rows left). A
   * store may delete fewer to keep the transaction short (a durable one bounds the events it
   * deletes at once, so the commits waiting behind it wait little), but at least one while any is
   * due; running executions are never touched.
   *
   * @param limit the most executions to delete, at least 1
   * @return how many were deleted: 0 once none that stopped before the time is left
   */
  int purge(long stoppedBefore, int limit);

  /**
   * Deletes every ended execution that stopped before {@code stoppedBefore}, in the short
   * transactions of {@link #purge(long, int)}, one after the other.
   *
   * @return how many were deleted
   */
  default int purge(long stoppedBefore) {
    int total = 0;
    for (int n; (n = purge(stoppedBefore, 100)) > 0; ) {
      total += n;
    }
    return total;
  }
}
