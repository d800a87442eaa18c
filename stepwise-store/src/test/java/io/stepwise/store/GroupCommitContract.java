package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The store under the group committer, written from many threads at once, as a server writes it. */
public interface GroupCommitContract extends ContractBase {
  @Test
  default void writesFromManyThreadsAreAllCommittedInBatches() throws Exception {
    int threads = 8;
    int perThread = 40;
    // the steps are made first (the engine's clock is the test's), committed from many threads
    List<List<NewExecution>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<NewExecution> mine = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        mine.add(machines().driven("Orders", i % 2 == 0 ? Machines.PASS : Machines.TASK, "t" + t + "-" + i, "{\"amount\":1}").start(1_000));
      }
      work.add(mine);
    }
    ConcurrentLinkedQueue<CompletableFuture<WriteResult>> futures = new ConcurrentLinkedQueue<>();
    try (GroupCommitter committer = new GroupCommitter(store(), 10_000, 64)) {
      List<Thread> writers = new ArrayList<>();
      for (List<NewExecution> mine : work) {
        writers.add(Thread.ofVirtual().start(() -> mine.forEach(w -> futures.add(committer.submit(w)))));
      }
      for (Thread w : writers) {
        w.join();
      }
      for (CompletableFuture<WriteResult> f : futures) {
        assertThat(f.get()).isInstanceOf(WriteResult.Committed.class);
      }
      assertThat(committer.written()).isEqualTo(threads * perThread);
      assertThat(committer.commits()).isLessThanOrEqualTo(committer.written());
    }
    for (List<NewExecution> mine : work) {
      for (int i = 0; i < mine.size(); i++) {
        ExecutionRow row = store().execution(mine.get(i).executionArn()).orElseThrow();
        assertThat(row.status()).isEqualTo(i % 2 == 0 ? ExecutionStatus.SUCCEEDED : ExecutionStatus.RUNNING);
        assertThat(store().history(row.executionArn())).hasSize((int) row.events());
      }
    }
    assertThat(ContractBase.allPages(50, (limit, token) -> store().tasks(limit, token))).hasSize(threads * perThread / 2);
  }
}
