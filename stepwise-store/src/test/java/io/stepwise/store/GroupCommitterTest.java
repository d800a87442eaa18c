package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The group committer over a store that records its batches, and can be held or made to fail. */
class GroupCommitterTest {
  /** Commits nothing; records each batch, waits while held, fails when told to. */
  private static final class RecordingStore implements WriteStore {
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    volatile boolean hold;
    volatile RuntimeException failure;

    @Override
    public List<WriteResult> commit(List<? extends Write> writes) {
      entered.countDown();
      if (hold) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      batches.add(writes.stream().map(Write::executionArn).toList());
      if (failure != null) {
        throw failure;
      }
      return writes.stream().<WriteResult>map(w -> new WriteResult.Committed(w.executionArn(), 1)).toList();
    }

    @Override
    public int purge(long stoppedBefore, int limit) {
      return 0;
    }
  }

  private static StepWrite write(String arn) {
    return new StepWrite(arn, 1, new StepInput.Continue(), new Step(List.of(), List.of()), ExecutionStatus.RUNNING, null, null, null, null, null);
  }

  @Test
  void whatQueuesWhileACommitRunsGoesIntoTheNextBatchAndEachFutureGetsItsResult() throws Exception {
    RecordingStore store = new RecordingStore();
    store.hold = true;
    try (GroupCommitter committer = new GroupCommitter(store, 100, 50)) {
      List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
      committer.onCommit((nanos, writes) -> sizes.add(writes));
      CompletableFuture<WriteResult> first = committer.submit(write("a"));
      assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<WriteResult>> queued = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        queued.add(committer.submit(write("b" + i)));
      }
      assertThat(first).isNotDone(); // the caller waits for the commit itself
      assertThat(committer.queued()).as("waiting behind the commit under way").isEqualTo(10);
      store.release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new WriteResult.Committed("a", 1));
      for (int i = 0; i < 10; i++) {
        assertThat(queued.get(i).get(5, TimeUnit.SECONDS).executionArn()).isEqualTo("b" + i);
      }
      assertThat(store.batches).hasSize(2);
      assertThat(store.batches.get(1)).containsExactly("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9");
      assertThat(committer.commits()).isEqualTo(2);
      assertThat(committer.written()).isEqualTo(11);
      assertThat(sizes).as("the listener hears each commit's size before its callers do").containsExactly(1, 10);
      assertThat(committer.queued()).isZero();
    }
  }

  @Test
  void aBatchIsAtMostMaxBatchWrites() throws Exception {
    RecordingStore store = new RecordingStore();
    store.hold = true;
    List<CompletableFuture<WriteResult>> all = new ArrayList<>();
    try (GroupCommitter committer = new GroupCommitter(store, 100, 4)) {
      all.add(committer.submit(write("first")));
      assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 10; i++) {
        all.add(committer.submit(write("w" + i)));
      }
      store.release.countDown();
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }
    assertThat(store.batches).extracting(List::size).containsExactly(1, 4, 4, 2);
  }

  @Test
  void aFullQueueRefusesAtOnceWithAClearException() throws Exception {
    RecordingStore store = new RecordingStore();
    store.hold = true;
    try (GroupCommitter committer = new GroupCommitter(store, 3, 10)) {
      committer.submit(write("in-commit"));
      assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        committer.submit(write("queued" + i));
      }
      assertThatThrownBy(() -> committer.submit(write("one-too-many"))).isInstanceOf(CommitQueueFullException.class)
          .hasMessageContaining("The commit queue is full (3 writes waiting");
      store.release.countDown();
    }
    assertThat(store.batches).extracting(List::size).containsExactly(1, 3);
  }

  @Test
  void aFailedCommitFailsItsBatchAndTheNextBatchIsTriedAgain() throws Exception {
    RecordingStore store = new RecordingStore();
    store.failure = new StoreException("disk full");
    try (GroupCommitter committer = new GroupCommitter(store, 10, 10)) {
      CompletableFuture<WriteResult> failed = committer.submit(write("a"));
      assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StoreException.class).hasMessageContaining("disk full");
      store.failure = null;
      assertThat(committer.submit(write("b")).get(5, TimeUnit.SECONDS)).isEqualTo(new WriteResult.Committed("b", 1));
    }
  }

  @Test
  void closeCommitsWhatIsQueuedAndThenRefusesWrites() throws Exception {
    RecordingStore store = new RecordingStore();
    store.hold = true;
    GroupCommitter committer = new GroupCommitter(store, 100, 100);
    CompletableFuture<WriteResult> first = committer.submit(write("a"));
    assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<WriteResult> queued = committer.submit(write("b"));
    Thread closer = Thread.ofVirtual().start(committer::close);
    store.release.countDown();
    closer.join(5_000);
    assertThat(first).isCompleted();
    assertThat(queued).isCompleted();
    assertThatThrownBy(() -> committer.submit(write("late"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void futuresCompleteOnTheGivenExecutor() throws Exception {
    RecordingStore store = new RecordingStore();
    store.hold = true; // the commit waits until the stage is attached: attached after completion, it would run on this thread
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "completions"));
        GroupCommitter committer = new GroupCommitter(store, 10, 10, pool)) {
      var done = committer.submit(write("a")).thenRun(() -> threads.add(Thread.currentThread().getName()));
      store.release.countDown();
      done.get(5, TimeUnit.SECONDS);
    }
    assertThat(threads).containsExactly("completions");
  }
}
