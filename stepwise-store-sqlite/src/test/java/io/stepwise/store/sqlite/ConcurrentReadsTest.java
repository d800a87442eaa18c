package io.stepwise.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.Machines;
import io.stepwise.store.NewExecution;
import io.stepwise.store.Write;
import io.stepwise.store.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers during group commits: never blocked by one, never shown part of one. */
class ConcurrentReadsTest {
  @TempDir
  Path dir;
  final Machines machines = new Machines();

  @AfterEach
  void closeEngine() {
    machines.engine.close();
  }

  @Test
  void readersSeeEachBatchWholeOrNotAtAllAndAreAnsweredWhileItCommits() throws Exception {
    int batches = 6;
    int perBatch = 300;
    List<List<Write>> work = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      List<Write> batch = new ArrayList<>();
      for (int i = 0; i < perBatch; i++) {
        batch.add(machines.driven("Batch" + b, i % 2 == 0 ? Machines.PASS : Machines.TASK, "e" + i, "{\"amount\":1}").start(1_000 + i));
      }
      work.add(batch);
    }
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"))) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger committing = new AtomicInteger(-1);
      AtomicInteger readsDuringCommits = new AtomicInteger();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(Thread.ofPlatform().start(() -> {
          try {
            java.util.Random random = new java.util.Random();
            while (writing.get()) {
              int during = committing.get();
              int b = random.nextInt(batches);
              // a batch's executions appear together: none of them, or all
              int listed = store.executions(ExecutionQuery.stateMachine(Machines.machineArn("Batch" + b)).withLimit(perBatch + 1)).items().size();
              assertThat(listed).as("executions of batch %d", b).isIn(0, perBatch);
              if (listed > 0) {
                seen.add("Batch" + b);
              }
              if (during >= 0 && committing.get() == during) {
                readsDuringCommits.incrementAndGet(); // begun and answered within one commit
              }
            }
          } catch (Throwable t) {
            failures.add(t);
          }
        }));
      }
      try (GroupCommitter committer = new GroupCommitter(store, 10_000, perBatch)) {
        for (int b = 0; b < batches; b++) {
          committing.set(b);
          // one whole batch straight to the store, as the committer's thread would pass it
          assertThat(store.commit(work.get(b))).allMatch(WriteResult::committed);
          committing.set(-1);
          // and a write through the committer between them
          NewExecution extra = machines.driven("Extra", Machines.PASS, "x" + b, "{}").start(1);
          assertThat(committer.submit(extra).get()).isInstanceOf(WriteResult.Committed.class);
        }
      } finally {
        writing.set(false);
        for (Thread t : readers) {
          t.join();
        }
      }
      assertThat(failures).isEmpty();
      assertThat(seen).isNotEmpty();
      assertThat(readsDuringCommits.get()).as("rounds of reads answered while a batch was committing").isPositive();
    }
  }
}
