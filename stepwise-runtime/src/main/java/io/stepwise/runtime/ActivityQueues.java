package io.stepwise.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The activity tasks no worker has taken yet, per activity, oldest first, and the workers waiting
 * in GetActivityTask for one: a task goes to the longest-waiting worker, or waits for the next.
 */
final class ActivityQueues {
  /** A task a worker can take: the execution it belongs to, its token, its input as JSON text. */
  record Offer(String executionArn, String taskToken, String input) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Deque<Offer>> tasks = new HashMap<>();
  private final Map<String, Deque<CompletableFuture<Offer>>> workers = new HashMap<>();

  void offer(String activityArn, Offer o) {
    lock.lock();
    try {
      Deque<CompletableFuture<Offer>> waiting = workers.get(activityArn);
      while (waiting != null && !waiting.isEmpty()) {
        if (waiting.poll().complete(o)) {
          return;
        }
      }
      tasks.computeIfAbsent(activityArn, a -> new ArrayDeque<>()).add(o);
    } finally {
      lock.unlock();
    }
  }

  /** The task is no longer to be handed out (it timed out, or its execution ended). */
  void withdraw(String activityArn, String taskToken) {
    lock.lock();
    try {
      Deque<Offer> q = tasks.get(activityArn);
      if (q != null) {
        q.removeIf(o -> o.taskToken().equals(taskToken));
      }
    } finally {
      lock.unlock();
    }
  }

  /** The oldest task of the activity, waiting up to {@code waitMillis} for one; null if none came. */
  Offer take(String activityArn, long waitMillis) throws InterruptedException {
    CompletableFuture<Offer> mine;
    lock.lock();
    try {
      Deque<Offer> q = tasks.get(activityArn);
      if (q != null && !q.isEmpty()) {
        return q.poll();
      }
      mine = new CompletableFuture<>();
      workers.computeIfAbsent(activityArn, a -> new ArrayDeque<>()).add(mine);
    } finally {
      lock.unlock();
    }
    try {
      return mine.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (!mine.cancel(false)) {
        return mine.join(); // a task arrived as the wait ended
      }
      return null;
    } catch (InterruptedException e) {
      if (!mine.cancel(false)) {
        offer(activityArn, mine.join()); // handed to us as we were interrupted: the next worker takes it
      }
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      lock.lock();
      try {
        Deque<CompletableFuture<Offer>> w = workers.get(activityArn);
        if (w != null) {
          w.remove(mine);
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
