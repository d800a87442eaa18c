package io.stepwise.runtime;

import io.stepwise.store.TimerRow;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's timers: each (execution, timer id) fires once its due time comes on the clock, by
 * calling back with the execution and the id. One thread waits for all of them; a timer is a queue
 * entry, not a parked thread. Setting a timer again under its id moves it.
 *
 * <p>Only the timers due within a horizon are held here: a timer due later stays a row of the
 * store until a load, every third of the horizon, reads the stored timers due by the new horizon
 * ({@link Source}). So a million executions waiting for hours cost no memory, and a restart sets
 * no timers at all before it serves: the first load reads the ones due soon.
 *
 * <p>Why no timer is lost or fires stale: a timer is set or cancelled here only after its row was
 * committed, and a load (its read of the store and what it sets from it) and {@link #set}/{@link
 * #cancel} exclude each other. A set that comes after a load overrides what the load read (a
 * heartbeat's moved timer is not put back at its old time); a load that comes after a set reads
 * the committed row. A load that reads as many timers as it may (a backlog, after a restart) is
 * followed by the next one at once, and moves the horizon only to the last timer it read.
 */
final class TimerService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TimerService.class);
  /** How long a fired timer is not loaded again while its step is being stored (its row goes with it). */
  static final long REFIRE_AFTER_MILLIS = 30_000;
  /** The pause before reading a backlog again when the last read brought few new timers. */
  static final long BACKLOG_PAUSE_MILLIS = 250;
  /** By default, the most timers held in memory or fired and not yet settled, by a load (set() adds its own). */
  static final int MAX_HELD = 10_000;

  /** The stored timers due at or before a time, earliest first, at most a limit. */
  interface Source {
    List<TimerRow> due(long until, int limit);
  }

  private record Key(String executionArn, long timerId) {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "stepwise-timers");
    t.setDaemon(true);
    return t;
  });
  private final Map<Key, ScheduledFuture<?>> set = new ConcurrentHashMap<>();
  /**
   * Timers fired and not yet settled (their step stored), with when: a load does not set them
   * again meanwhile. One whose delivery failed stays until {@link #REFIRE_AFTER_MILLIS} has
   * passed, and is then fired again by a load if its row is still there.
   */
  private final Map<Key, Long> fired = new ConcurrentHashMap<>();
  private final InstantSource clock;
  /** Delivers a timer's firing; the future completes once the step it caused is stored (or was refused). */
  private final BiFunction<String, Long, CompletableFuture<?>> fire;
  private final Source source;
  private final long horizon;
  private final int batch;
  private final int maxHeld;
  /** Every stored timer due at or before this is held here (or fired); a later one is left to a load. */
  private volatile long loadedUntil = Long.MIN_VALUE;
  private volatile boolean started;
  /** A load against set and cancel (see the class comment); a lock, not synchronized: callers may be virtual threads. */
  private final java.util.concurrent.locks.ReentrantLock loading = new java.util.concurrent.locks.ReentrantLock();

  TimerService(InstantSource clock, BiFunction<String, Long, CompletableFuture<?>> fire, Source source, long horizonMillis, int batch) {
    this(clock, fire, source, horizonMillis, batch, MAX_HELD);
  }

  TimerService(InstantSource clock, BiFunction<String, Long, CompletableFuture<?>> fire, Source source, long horizonMillis, int batch,
      int maxHeld) {
    if (horizonMillis < 3 || batch < 1) {
      throw new IllegalArgumentException("the horizon must be at least 3 ms and the batch at least 1: " + horizonMillis + ", " + batch);
    }
    this.clock = clock;
    this.fire = fire;
    this.source = source;
    this.horizon = horizonMillis;
    this.batch = batch;
    this.maxHeld = maxHeld;
  }

  /** Starts loading the stored timers (the first load at once); before, only timers set here fire. */
  void start() {
    if (!started) {
      started = true;
      scheduler.execute(this::load);
    }
  }

  void set(String executionArn, long timerId, long due) {
    Key k = new Key(executionArn, timerId);
    loading.lock();
    try {
      ScheduledFuture<?> before = set.remove(k);
      if (before != null) {
        before.cancel(false);
      }
      if (!started || due <= loadedUntil) {
        schedule(k, due);
      }
    } finally {
      loading.unlock();
    }
  }

  void cancel(String executionArn, long timerId) {
    loading.lock();
    try {
      ScheduledFuture<?> f = set.remove(new Key(executionArn, timerId));
      if (f != null) {
        f.cancel(false);
      }
    } finally {
      loading.unlock();
    }
  }

  private void schedule(Key k, long due) {
    long delay = Math.max(0, due - clock.millis());
    ScheduledFuture<?> f = scheduler.schedule(() -> {
      set.remove(k);
      Long at = clock.millis();
      fired.put(k, at);
      CompletableFuture<?> settled;
      try {
        settled = fire.apply(k.executionArn(), k.timerId());
      } catch (RuntimeException e) {
        log.warn("Firing the timer {} of {} failed: {}", k.timerId(), k.executionArn(), e.toString());
        return;
      }
      settled.whenComplete((v, e) -> {
        if (e == null) {
          fired.remove(k, at);
        }
      });
    }, delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> before = set.put(k, f);
    if (before != null && before != f) {
      before.cancel(false);
    }
  }

  private void load() {
    boolean full = false;
    int added = 0;
    int room = 0;
    loading.lock();
    try {
      long now = clock.millis();
      fired.values().removeIf(at -> at < now - REFIRE_AFTER_MILLIS);
      // at most maxHeld timers held or firing: a backlog (a million due at once after a restart)
      // comes in as fast as its steps are stored, not all into memory at once
      room = Math.min(batch, maxHeld - set.size() - fired.size());
      if (room <= 0) {
        full = true;
        return;
      }
      long until = now + horizon;
      loadedUntil = until;
      List<TimerRow> rows = source.due(until, room);
      full = rows.size() >= room;
      if (full) {
        // the stored timers due by then are more than one load: hold up to the last one read
        // (those due at that very time and not read come with the next load)
        loadedUntil = Math.min(until, Math.max(now, rows.get(rows.size() - 1).due() - 1));
      }
      for (TimerRow r : rows) {
        Key k = new Key(r.executionArn(), r.timerId());
        if (!set.containsKey(k) && !fired.containsKey(k)) {
          schedule(k, r.due());
          added++;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Reading the stored timers failed; trying again in {} ms: {}", horizon / 3, e.toString());
    } finally {
      loading.unlock();
      try {
        // a full load that found new timers goes on at once; one that found mostly timers fired
        // and not yet stored waits a little for their steps, rather than read them again and again
        long next = !full ? horizon / 3 : room > 0 && added * 10L >= room ? 0 : Math.min(horizon / 3, BACKLOG_PAUSE_MILLIS);
        scheduler.schedule(this::load, next, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // the service is closed
      }
    }
  }

  /** How many timers are held in memory. */
  int size() {
    return set.size();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
