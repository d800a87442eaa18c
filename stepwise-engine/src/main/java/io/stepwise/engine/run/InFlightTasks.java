package io.stepwise.engine.run;

import io.stepwise.engine.step.Command;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tasks the in-memory driver runs on its executor for one execution. Their outcomes are
 * handed on in the order the tasks were dispatched, whichever finishes first, so that a run (and
 * a run resumed after a crash) records the same history every time; a task cancelled meanwhile
 * (timed out, aborted) is passed over and its late outcome dropped.
 */
final class InFlightTasks {
  private final LinkedBlockingQueue<PendingTask.Outcome> arrivals = new LinkedBlockingQueue<>();
  private final ArrayDeque<Long> order = new ArrayDeque<>();
  private final Map<Long, Future<?>> running = new HashMap<>();
  private final Set<Long> cancelled = new HashSet<>();
  private final Map<Long, PendingTask.Outcome> early = new HashMap<>();

  void dispatch(Command.ScheduleTask task, ExecutorService executor, Invocations invocations) {
    order.add(task.scheduledEventId());
    running.put(task.scheduledEventId(), executor.submit(() -> arrivals.add(invocations.invoke(task))));
  }

  /** The task's outcome is no longer wanted: interrupt it, and drop what it returns. */
  void cancel(long scheduledEventId) {
    Future<?> f = running.remove(scheduledEventId);
    if (f != null) {
      f.cancel(true);
      cancelled.add(scheduledEventId);
    }
  }

  /** Whether a task whose outcome is still wanted is running. */
  boolean any() {
    dropCancelled();
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
      dropCancelled();
      Long head = order.peek();
      if (head == null) {
        return null;
      }
      PendingTask.Outcome o = early.remove(head);
      if (o != null) {
        order.poll();
        running.remove(head);
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
      if (!cancelled.contains(arrived.scheduledEventId())) {
        early.put(arrived.scheduledEventId(), arrived);
      }
    }
  }

  private void dropCancelled() {
    while (!order.isEmpty() && cancelled.contains(order.peek())) {
      early.remove(order.poll());
    }
  }
}
