package io.stepwise.runtime;

import io.stepwise.store.Store;
import io.stepwise.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: the executions that ended longer ago than {@code keep} are deleted from the store,
 * with their histories and everything else of theirs (AWS keeps a closed Standard execution 90
 * days). A purge runs in the store's short bounded batches ({@link Store#purge(long, int)}), with a
 * pause between them so that the group commits waiting for the same writer go first; running
 * executions are never touched. Time comes from the injected clock, so a test moves it and calls
 * {@link #purgeNow()}; {@link #start(Duration)} purges periodically on a thread of its own.
 */
public final class Retention implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  /** The executions one batch deletes at most. */
  static final int BATCH = 100;

  private final Store store;
  private final InstantSource clock;
  private final Duration keep;
  private final Duration pause;
  private final ReentrantLock running = new ReentrantLock();
  private ScheduledExecutorService timer;

  /**
   * @param keep how long an ended execution is kept after its stop date; positive
   * @param pause how long a purge waits between two batches (commits go first meanwhile)
   */
  public Retention(Store store, InstantSource clock, Duration keep, Duration pause) {
    if (keep == null || keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("The retention must be positive, not " + keep);
    }
    this.store = store;
    this.clock = clock;
    this.keep = keep;
    this.pause = pause;
  }

  public Duration keep() {
    return keep;
  }

  /**
   * Deletes, batch after batch, every execution that stopped more than {@code keep} before now;
   * a purge already under way (the periodic one) is waited for instead of run twice.
   *
   * @return how many were deleted
   */
  public int purgeNow() {
    running.lock();
    try {
      Instant now = clock.instant();
      long before = now.minus(keep).toEpochMilli();
      int total = 0;
      for (int n; (n = store.purge(before, BATCH)) > 0; ) {
        total += n;
        pause();
      }
      if (total > 0) {
        log.info("Retention: deleted {} executions that ended before {} (kept {})", total, Instant.ofEpochMilli(before), keep);
      }
      return total;
    } finally {
      running.unlock();
    }
  }

  private void pause() {
    if (pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted between two purge batches", e);
    }
  }

  /** Purges now and then every {@code every}, on a daemon thread, until closed. */
  public synchronized Retention start(Duration every) {
    if (timer != null) {
      throw new IllegalStateException("The retention purge runs already");
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "stepwise-retention");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, every.toMillis());
    timer.scheduleWithFixedDelay(this::purgeLogged, 0, period, TimeUnit.MILLISECONDS);
    return this;
  }

  private void purgeLogged() {
    try {
      purgeNow();
    } catch (StoreException e) {
      log.warn("Retention: the purge failed and is tried again at the next period: {}", e.getMessage());
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        log.warn("Retention: the purge failed and is tried again at the next period", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }
}
