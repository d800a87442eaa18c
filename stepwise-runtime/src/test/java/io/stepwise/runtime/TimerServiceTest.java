package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.step.TimerKind;
import io.stepwise.store.TimerRow;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Timers held in memory only near their time, read from the store as they come near; each fires once. */
class TimerServiceTest {
  /** The store's timer rows: a row goes when its timer's step is stored, here as it fires. */
  private final Map<String, TimerRow> stored = new ConcurrentHashMap<>();
  private final List<String> fired = new CopyOnWriteArrayList<>();

  private TimerService service(long horizon, int batch) {
    return new TimerService(InstantSource.system(), (arn, id) -> {
      fired.add(arn + "#" + id);
      stored.remove(arn + "#" + id);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }, (until, limit) -> {
      List<TimerRow> due = new ArrayList<>(stored.values().stream().filter(t -> t.due() <= until).toList());
      due.sort(Comparator.comparingLong(TimerRow::due).thenComparing(TimerRow::executionArn));
      return due.subList(0, Math.min(limit, due.size()));
    }, horizon, batch);
  }

  private void store(String arn, long id, long due) {
    stored.put(arn + "#" + id, new TimerRow(arn, id, TimerKind.WAIT, due));
  }

  private void awaitFired(int n) throws InterruptedException {
    for (int i = 0; i < 300 && fired.size() < n; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void aTimerBeyondTheHorizonStaysInTheStoreUntilItComesNearAndThenFiresOnce() throws Exception {
    try (TimerService timers = service(300, 100)) {
      timers.start();
      Thread.sleep(50); // the first load has run
      long due = System.currentTimeMillis() + 1_000;
      store("far", 1, due);
      timers.set("far", 1, due);
      assertThat(timers.size()).as("not held while far").isZero();
      long near = System.currentTimeMillis() + 50;
      store("near", 1, near);
      timers.set("near", 1, near);
      assertThat(timers.size()).isEqualTo(1);
      awaitFired(2);
      Thread.sleep(300); // a load after both fired finds nothing more
      assertThat(fired).containsExactly("near#1", "far#1");
      assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(due);
    }
  }

  @Test
  void aBacklogLargerThanOneLoadFiresWholeEachTimerOnce() throws Exception {
    long now = System.currentTimeMillis();
    for (int i = 0; i < 25; i++) {
      store("e" + i, 1, now - 1_000 + i); // overdue, as after a restart
    }
    try (TimerService timers = service(30_000, 4)) {
      timers.start();
      awaitFired(25);
      Thread.sleep(100);
      assertThat(fired).hasSize(25).doesNotHaveDuplicates();
    }
  }

  @Test
  void aCancelledOrMovedTimerDoesNotFireAtItsOldTime() throws Exception {
    try (TimerService timers = service(30_000, 100)) {
      timers.start();
      Thread.sleep(50);
      long soon = System.currentTimeMillis() + 100;
      store("cancelled", 1, soon);
      timers.set("cancelled", 1, soon);
      stored.remove("cancelled#1");
      timers.cancel("cancelled", 1);
      store("moved", 1, soon);
      timers.set("moved", 1, soon);
      long later = System.currentTimeMillis() + 600;
      store("moved", 1, later);
      timers.set("moved", 1, later);
      Thread.sleep(300);
      assertThat(fired).isEmpty();
      awaitFired(1);
      assertThat(fired).containsExactly("moved#1");
      assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(later);
    }
  }

  @Test
  void aBacklogComesIntoMemoryOnlyAsFastAsItsFiringsSettle() throws Exception {
    long now = System.currentTimeMillis();
    for (int i = 0; i < 20; i++) {
      store("b" + i, 1, now - 1_000 + i);
    }
    List<java.util.concurrent.CompletableFuture<Object>> unsettled = new CopyOnWriteArrayList<>();
    TimerService timers = new TimerService(InstantSource.system(), (arn, id) -> {
      fired.add(arn + "#" + id);
      java.util.concurrent.CompletableFuture<Object> f = new java.util.concurrent.CompletableFuture<>();
      unsettled.add(f);
      f.thenRun(() -> stored.remove(arn + "#" + id)); // the row goes with the stored step
      return f;
    }, (until, limit) -> {
      List<TimerRow> due = new ArrayList<>(stored.values().stream().filter(t -> t.due() <= until).toList());
      due.sort(Comparator.comparingLong(TimerRow::due).thenComparing(TimerRow::executionArn));
      return due.subList(0, Math.min(limit, due.size()));
    }, 30_000, 100, 5);
    try (timers) {
      timers.start();
      awaitFired(5);
      Thread.sleep(600); // loads come and find no room
      assertThat(fired).hasSize(5);
      for (var f : unsettled) {
        f.complete(null);
      }
      awaitFired(10);
      Thread.sleep(600);
      assertThat(fired).hasSize(10).doesNotHaveDuplicates();
      for (int i = 0; i < 200 && fired.size() < 20; i++) {
        for (var f : unsettled) {
          f.complete(null);
        }
        Thread.sleep(50);
      }
      assertThat(fired).hasSize(20).doesNotHaveDuplicates();
    }
  }
}
