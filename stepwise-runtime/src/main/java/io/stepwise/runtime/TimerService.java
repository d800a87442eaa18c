package io.stepwise.runtime;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The runtime's timers: each (execution, timer id) fires once its due time comes on the clock,
 * by calling back with the execution and the id. One thread waits for all of them; a timer is a
 * queue entry, not a parked thread. Setting a timer again under its id moves it.
 */
final class TimerService implements AutoCloseable {
  private record Key(String executionArn, long timerId) {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "stepwise-timers");
    t.setDaemon(true);
    return t;
  });
  private final Map<Key, ScheduledFuture<?>> set = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final BiConsumer<String, Long> fire;

  TimerService(InstantSource clock, BiConsumer<String, Long> fire) {
    this.clock = clock;
    this.fire = fire;
  }

  void set(String executionArn, long timerId, long due) {
    Key k = new Key(executionArn, timerId);
    long delay = Math.max(0, due - clock.millis());
    ScheduledFuture<?> f = scheduler.schedule(() -> {
      set.remove(k);
      fire.accept(executionArn, timerId);
    }, delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> before = set.put(k, f);
    if (before != null) {
      before.cancel(false);
    }
  }

  void cancel(String executionArn, long timerId) {
    ScheduledFuture<?> f = set.remove(new Key(executionArn, timerId));
    if (f != null) {
      f.cancel(false);
    }
  }

  int size() {
    return set.size();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
