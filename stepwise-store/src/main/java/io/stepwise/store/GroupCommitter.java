package io.stepwise.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Batches writes from many threads into group commits: one writer thread takes whatever is queued
 * (up to {@code maxBatch} writes) into one {@link WriteStore#commit}, so many executions' steps
 * share one transaction and one fsync, and completes each caller's future only after that commit
 * returned, so a caller carries out a step's commands only once the step is durable.
 *
 * <p>The queue is bounded: when it is full, {@link #submit} refuses at once ({@link
 * CommitQueueFullException}) rather than let callers pile up behind a slow disk. A commit that
 * fails ({@link StoreException}) fails the futures of its batch, and the writer goes on with the
 * next batch. Writes submitted by one thread are committed in the order submitted.
 *
 * <p>The futures are completed on {@code completions}: with the direct executor the committer's
 * own thread runs the callers' dependent stages, which then hold up the next commit, so a caller
 * with work to do after the commit passes an executor of its own (or joins the future).
 */
public final class GroupCommitter implements AutoCloseable {
  private record Pending(Write write, CompletableFuture<WriteResult> done) {}

  private final WriteStore store;
  private final BlockingQueue<Pending> queue;
  private final int capacity;
  private final int maxBatch;
  private final Executor completions;
  private final Thread writer;
  /** Submits hold it shared, close exclusively: no write is queued after the writer saw the close. */
  private final ReentrantReadWriteLock closing = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong committing = new AtomicLong();
  private volatile CommitListener listener = (nanos, writes) -> { };

  /** Told of each commit that succeeded, on the writer's thread: it must only note the figures. */
  @FunctionalInterface
  public interface CommitListener {
    void committed(long nanos, int writes);
  }

  /** A committer whose futures complete on its own thread (see the class comment). */
  public GroupCommitter(WriteStore store, int capacity, int maxBatch) {
    this(store, capacity, maxBatch, Runnable::run);
  }

  public GroupCommitter(WriteStore store, int capacity, int maxBatch, Executor completions) {
    if (capacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("capacity and maxBatch must be at least 1: " + capacity + ", " + maxBatch);
    }
    this.store = store;
    this.capacity = capacity;
    this.maxBatch = maxBatch;
    this.completions = completions;
    this.queue = new ArrayBlockingQueue<>(capacity);
    // a platform thread: it spends its life in the store's native fsync, which would pin a carrier
    this.writer = Thread.ofPlatform().name("stepwise-group-commit").daemon(true).unstarted(this::run);
    writer.start();
  }

  /**
   * Queues the write; the future completes with its result once the batch holding it committed, or
   * exceptionally with the batch's {@link StoreException}.
   *
   * @throws CommitQueueFullException when {@code capacity} writes are waiting already
   * @throws IllegalStateException once the committer is closed
   */
  public CompletableFuture<WriteResult> submit(Write write) {
    closing.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("The group committer is closed");
      }
      CompletableFuture<WriteResult> done = new CompletableFuture<>();
      if (!queue.offer(new Pending(write, done))) {
        throw new CommitQueueFullException(capacity);
      }
      return done;
    } finally {
      closing.readLock().unlock();
    }
  }

  /** Replaces the listener told of each commit (metrics: its latency and its batch's size). */
  public void onCommit(CommitListener l) {
    this.listener = java.util.Objects.requireNonNull(l, "listener");
  }

  /** How many writes wait for a commit now (not those of the commit under way). */
  public int queued() {
    return queue.size();
  }

  /** How many commits (batches) ran so far. */
  public long commits() {
    return commits.get();
  }

  /** How many writes those commits held. */
  public long written() {
    return written.get();
  }

  /** How long the store took over those commits, in nanoseconds. */
  public long commitNanos() {
    return committing.get();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 1024));
    while (!(closed && queue.isEmpty())) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
      } catch (InterruptedException e) {
        continue; // close() wakes the writer; the loop condition decides
      }
      commit(batch);
      batch = new ArrayList<>(Math.min(maxBatch, 1024));
    }
  }

  private void commit(List<Pending> batch) {
    List<Write> writes = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      writes.add(p.write());
    }
    List<WriteResult> results;
    long began = System.nanoTime();
    long took;
    try {
      results = store.commit(writes);
      took = System.nanoTime() - began;
      committing.addAndGet(took);
      if (results.size() != writes.size()) {
        throw new StoreException("The store answered " + results.size() + " results for " + writes.size() + " writes");
      }
    } catch (RuntimeException | Error e) {
      complete(() -> batch.forEach(p -> p.done().completeExceptionally(e)));
      return;
    }
    commits.incrementAndGet();
    written.addAndGet(writes.size());
    try {
      listener.committed(took, writes.size());
    } catch (RuntimeException e) {
      // a listener's failure must not fail writes that are durable already
    }
    List<WriteResult> done = results;
    complete(() -> {
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(done.get(i));
      }
    });
  }

  /** Completes on the callers' executor; if it refuses (shut down), here: no caller is left waiting. */
  private void complete(Runnable completion) {
    try {
      completions.execute(completion);
    } catch (RuntimeException refused) {
      completion.run();
    }
  }

  /** Stops taking writes, commits what is queued, and waits for the writer to finish. */
  @Override
  public void close() {
    closing.writeLock().lock();
    try {
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
