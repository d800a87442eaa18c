package io.stepwise.engine.run;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tasks running on the executor for one execution. Their outcomes are handed on in the order
 * the tasks were dispatched, whichever finishes first, so that a run (and a run resumed after a
 * crash) records the same history every time; a task that ended meanwhile (timed out, aborted)
 * is passed over and its late outcome dropped.
 */
final class InFlightTasks {
  private final LinkedBlockingQueue<PendingTask.Outcome> arrivals = new LinkedBlockingQueue<>();
  private final ArrayDeque<PendingTask> order = new ArrayDeque<>();
  private final Map<PendingTask, PendingTask.Outcome> early = new HashMap<>();

  void dispatch(PendingTask p, ExecutorService executor, Invocations invocations) {
    order.add(p);
    p.running = executor.submit(() -> arrivals.add(invocations.invoke(p)));
  }

  /** Whether a task whose outcome is still wanted is running. */
  boolean any() {
    dropEnded();
    return !order.isEmpty();
  }

  /**
   * The outcome of the earliest dispatched task still wanted: at once if it has arrived, else
   * after waiting up to {@code waitMillis} ({@code < 0}: as long as it takes); null if it has not
   * arrived by then.
   */
  PendingTask.Outcome next(long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMillis));
    while (true) {
      dropEnded();
      PendingTask head = order.peek();
      if (head == null) {
        return null;
      }
      PendingTask.Outcome o = early.remove(head);
      if (o != null) {
        order.poll();
        return o;
      }
      PendingTask.Outcome arrived = arrivals.poll();
      if (arrived == null) {
        long left = deadline - System.nanoTime();
        if (waitMillis < 0) {
          arrived = arrivals.take();
        } else if (left > 0) {
          arrived = arrivals.poll(left, TimeUnit.NANOSECONDS);
        }
        if (arrived == null) {
          return null;
        }
      }
      if (!arrived.task().done) {
        early.put(arrived.task(), arrived);
      }
    }
  }

  private void dropEnded() {
    while (!order.isEmpty() && order.peek().done) {
      early.remove(order.poll());
    }
  }
}
