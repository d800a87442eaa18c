package io.stepwise.server.protocol;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the requests being handled: at most a bound at once (beyond it a request is refused at
 * once, not queued without end), and a stop that waits for those under way to finish. A lock and
 * a condition rather than synchronized, so a virtual thread waiting here does not pin its carrier.
 */
public final class InFlight {
  private final int limit;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int count;
  private boolean closed;

  public InFlight(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the in-flight limit must be at least 1, not " + limit);
    }
    this.limit = limit;
  }

  public enum Entry { ADMITTED, BUSY, CLOSED }

  /** Admits a request unless the bound is reached or the server is stopping. */
  public Entry enter() {
    lock.lock();
    try {
      if (closed) {
        return Entry.CLOSED;
      }
      if (count >= limit) {
        return Entry.BUSY;
      }
      count++;
      return Entry.ADMITTED;
    } finally {
      lock.unlock();
    }
  }

  /** Ends an admitted request. */
  public void exit() {
    lock.lock();
    try {
      count--;
      if (count == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Admits no more requests and waits up to {@code grace} for those under way; true when all ended. */
  public boolean closeAndAwait(Duration grace) throws InterruptedException {
    lock.lock();
    try {
      closed = true;
      long nanos = grace.toNanos();
      while (count > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  public int count() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }
}
