package io.stepwise.runtime;

import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.Store;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The durable runtime's figures for metrics beyond {@link DurableRuntime}'s counters: its queues,
 * the executions open, the timers due, and the cost of each step and each group commit told to a
 * {@link Listener}. Plain counters and reads: the runtime knows no metrics library.
 */
public final class RuntimeStats {
  /**
   * Told the cost of each step and each group commit, on the thread that ran it, which must not
   * be held up: note the figure and return.
   */
  public interface Listener {
    /** The engine stepped one input of a stored execution (events and commands out); its commit is not included. */
    default void stepped(long nanos) {}

    /** A group commit the store took: how long it took and how many writes (steps, starts) it held. */
    default void committed(long nanos, int writes) {}
  }

  private static final Listener NONE = new Listener() {};

  private final Store store;
  private final GroupCommitter committer;
  private final InstantSource clock;
  /** Inputs in the executions' mailboxes not yet taken to be stepped. */
  final LongAdder inputsQueued = new LongAdder();
  /** Executions whose actor is draining its mailbox: an input queued, being stepped or waiting for its commit. */
  final LongAdder executionsReady = new LongAdder();
  private volatile Listener listener = NONE;

  RuntimeStats(Store store, GroupCommitter committer, InstantSource clock) {
    this.store = store;
    this.committer = committer;
    this.clock = clock;
  }

  /** Replaces the listener told each step's and each commit's cost (one: the server's metrics). */
  public void listen(Listener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    committer.onCommit(l::committed);
  }

  /** Steps the stepper with the input, telling the listener how long the engine took (not told of a step that threw). */
  Step step(Stepper stepper, StepInput input) {
    long began = System.nanoTime();
    Step s = stepper.step(input);
    listener.stepped(System.nanoTime() - began);
    return s;
  }

  /** Inputs (task results, callbacks, timers fired, stops, children's ends) queued for executions and not yet taken. */
  public long inputsQueued() {
    return Math.max(0, inputsQueued.sum());
  }

  /** Executions with an input queued, being stepped, or waiting for its step's commit: the runtime's ready queue. */
  public long executionsReady() {
    return Math.max(0, executionsReady.sum());
  }

  /** Writes waiting for a group commit (not those of the commit under way); at the commit queue's size new work is refused. */
  public int commitQueue() {
    return committer.queued();
  }

  /** Standard executions RUNNING in the store: those in memory and those that wait as rows only (one count in the store). */
  public long executionsOpen() {
    return store.runningCount();
  }

  /**
   * Stored timers whose time has come and whose firing is not stored yet: those the timer thread
   * has not fired, those fired whose step is not committed, and a backlog not read yet (after a
   * restart, or more due at once than are held in memory).
   */
  public long timersDue() {
    return store.timersDueCount(clock.millis());
  }
}
