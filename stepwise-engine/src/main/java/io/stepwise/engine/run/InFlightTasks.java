package io.stepwise.engine.run;

import io.stepwise.engine.step.StepInput;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The work the in-memory driver runs on its executor for one execution (tasks, child
 * executions), each under a key. What each returns (the next step's input) is handed on in the
 * order the work was dispatched, whichever finishes first, so that a run (and a run resumed after
 * a crash) records the same history every time; work cancelled meanwhile (timed out, aborted) is
 * passed over and its late result dropped.
 */
final class InFlightTasks {
  private record Arrival(long key, StepInput input) {}

  private final LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private final ArrayDeque<Long> order = new ArrayDeque<>();
  private final Map<Long, Future<?>> running = new HashMap<>();
  private final Set<Long> cancelled = new HashSet<>();
  private final Map<Long, StepInput> early = new HashMap<>();

  /** @param work returns the next input, or null when it can never give one (a child execution that cannot end) */
  void dispatch(long key, Supplier<StepInput> work, ExecutorService executor) {
    order.add(key);
    running.put(key, executor.submit(() -> {
      StepInput input = null;
      try {
        input = work.get();
      } finally {
        arrivals.add(new Arrival(key, input));
      }
    }));
  }

  /** The work's result is no longer wanted: interrupt it, and drop what it returns. */
  void cancel(long key) {
    Future<?> f = running.remove(key);
    if (f != null) {
      f.cancel(true);
      cancelled.add(key);
    }
  }

  /** The work's result is no longer wanted, but it runs on to its end (a child execution stopping itself). */
  void drop(long key) {
    if (running.remove(key) != null) {
      cancelled.add(key);
    }
  }

  /** Whether work whose result is still wanted is running. */
  boolean any() {
    dropCancelled();
    return !order.isEmpty();
  }

  /**
   * The result of the earliest dispatched work still wanted: at once if it has arrived, else
   * after waiting up to {@code waitMillis} ({@code < 0}: as long as it takes); null if it has not
   * arrived by then.
   */
  StepInput next(long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMillis));
    while (true) {
      dropCancelled();
      Long head = order.peek();
      if (head == null) {
        return null;
      }
      StepInput o = early.remove(head);
      if (o != null) {
        order.poll();
        running.remove(head);
        return o;
      }
      Arrival arrived = arrivals.poll();
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
      if (arrived.input() == null) {
        cancelled.add(arrived.key()); // nothing will ever come of it
      } else if (!cancelled.contains(arrived.key())) {
        early.put(arrived.key(), arrived.input());
      }
    }
  }

  /** Cancels everything still running (the execution was stopped). */
  void cancelAll() {
    for (Long key : new java.util.ArrayList<>(running.keySet())) {
      cancel(key);
    }
  }

  private void dropCancelled() {
    while (!order.isEmpty() && cancelled.contains(order.peek())) {
      early.remove(order.poll());
    }
  }
}
