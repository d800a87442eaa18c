package io.stepwise.runtime;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.Restored;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.StepWrite;
import io.stepwise.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution's mailbox: its inputs are stepped one at a time, in arrival order, each step
 * stored before its commands are carried out and before whoever sent the input hears back. Many
 * executions step at once on the runtime's virtual threads; their writes meet in one group commit.
 */
final class ExecutionActor {
  private static final Logger log = LoggerFactory.getLogger(ExecutionActor.class);

  private record Envelope(StepInput input, CompletableFuture<Step> reply) {}

  /** At most this many queued inputs are stepped before their commits are waited for. */
  private static final int MAX_BATCH = 64;

  final String executionArn;
  private final DurableRuntime runtime;
  private final ConcurrentLinkedQueue<Envelope> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  /** Null until the first input (rebuilt from the store), and again after a refused write. */
  private Stepper stepper;
  private long events;
  /** Tasks of this execution being invoked: while any is, its stepper stays in memory for the outcome. */
  final java.util.concurrent.atomic.AtomicInteger invoking = new java.util.concurrent.atomic.AtomicInteger();

  ExecutionActor(String executionArn, DurableRuntime runtime) {
    this.executionArn = executionArn;
    this.runtime = runtime;
  }

  /** An execution just created: its stepper is the one that took its first step, stored with it. */
  ExecutionActor(String executionArn, DurableRuntime runtime, Stepper stepper, long events) {
    this(executionArn, runtime);
    this.stepper = stepper;
    this.events = events;
  }

  /**
   * Puts the input in the mailbox (null: a wake, see {@link Recovery}); the
   * reply completes with its step once stored, or fails with a {@link Refusal}. Called by the
   * runtime under the map's lock for this ARN ({@link DurableRuntime#offer}); true when the caller
   * must start {@link #drain}.
   */
  boolean enqueue(StepInput input, CompletableFuture<Step> reply) {
    runtime.stats.inputsQueued.increment(); // before the add, so a poll's decrement never comes first
    mailbox.add(new Envelope(input, reply));
    return startDraining();
  }

  /** Marks the actor draining, counted among the ready executions; true when it was not (the caller drains). */
  private boolean startDraining() {
    if (draining.compareAndSet(false, true)) {
      runtime.stats.executionsReady.increment();
      return true;
    }
    return false;
  }

  /** The next input, counted off the queued ones; null when the mailbox is empty. */
  private Envelope take() {
    Envelope e = mailbox.poll();
    if (e != null) {
      runtime.stats.inputsQueued.decrement();
    }
    return e;
  }

  /** Nothing in memory worth keeping: asked under the map's lock by {@link DurableRuntime#retireIfIdle}. */
  boolean idle() {
    return stepper == null && mailbox.isEmpty() && invoking.get() == 0;
  }

  void drain() {
    while (true) {
      Envelope e = take();
      if (e == null) {
        // an execution that waits leaves memory; its next input makes a new actor (drain stays
        // set: nothing can be queued here once it has left the map)
        if (runtime.evictsWaiting() && runtime.retireIfIdle(this)) {
          runtime.stats.executionsReady.decrement();
          return;
        }
        draining.set(false);
        runtime.stats.executionsReady.decrement();
        if (mailbox.isEmpty() || !startDraining()) {
          return;
        }
        continue;
      }
      try {
        if (stepper != null && batchable(e) && mailbox.peek() != null && batchable(mailbox.peek())) {
          List<Envelope> batch = new ArrayList<>();
          batch.add(e);
          while (batch.size() < MAX_BATCH && mailbox.peek() != null && batchable(mailbox.peek())) {
            batch.add(take());
          }
          processBatch(batch);
        } else {
          single(e);
        }
      } catch (Error err) {
        // out of memory carrying out a stored step: the mailbox must go on draining, or every
        // later input would wait for ever behind this one
        log.error("Carrying out a step of {} failed", executionArn, err);
        stepper = null;
        e.reply().completeExceptionally(err);
      }
    }
  }

  private void single(Envelope e) {
    try {
      e.reply().complete(process(e.input()));
    } catch (Refusal r) {
      e.reply().completeExceptionally(r);
    } catch (RuntimeException | Error bug) {
      // an Error too (memory ran out while stepping): the input is answered, not lost with the thread
      log.error("Stepping {} failed", executionArn, bug);
      stepper = null; // rebuilt from what is stored on the next input
      e.reply().completeExceptionally(bug);
    }
  }

  /** Inputs that step an execution in memory already: neither a wake (null) nor a redrive. */
  private static boolean batchable(Envelope e) {
    return e.input() != null && !(e.input() instanceof StepInput.Redrive);
  }

  private record Stepped(Envelope envelope, Step step, CompletableFuture<WriteResult> write, Stepper stepper) {}

  /**
   * Several queued inputs at once (a Distributed Map's parent hearing from many children, a burst
   * of callbacks): each is stepped in memory, its write queued for the group commit without
   * waiting, and then each is answered in order as its commit returns. One execution's steps then
   * share commits instead of waiting for one fsync each. A write refused (someone else stepped
   * the execution, or it ended) leaves the later inputs of the batch unstored: they are stepped
   * again, one by one, on the execution as stored.
   */
  private void processBatch(List<Envelope> batch) {
    List<Stepped> stepped = new ArrayList<>(batch.size());
    List<Envelope> again = new ArrayList<>();
    long base = events;
    for (int i = 0; i < batch.size(); i++) {
      Envelope e = batch.get(i);
      if (stepper == null || stepper.status() != ExecutionStatus.RUNNING) {
        again.addAll(batch.subList(i, batch.size())); // answered as for an ended execution, below
        break;
      }
      Step step;
      try {
        step = runtime.stats.step(stepper, e.input());
      } catch (StepRefusedException refused) {
        e.reply().completeExceptionally(new Refusal(Refusal.Kind.REFUSED_BY_EXECUTION, refused.getMessage()));
        continue;
      } catch (RuntimeException | Error bug) {
        log.error("Stepping {} failed", executionArn, bug);
        stepper = null;
        e.reply().completeExceptionally(bug);
        again.addAll(batch.subList(i + 1, batch.size()));
        break;
      }
      StepWrite w = StepWrite.of(executionArn, base, e.input(), step);
      base = w.eventsAfter();
      CompletableFuture<WriteResult> f;
      try {
        f = runtime.submit(w);
      } catch (Refusal overloaded) {
        stepper = null; // this step is not stored: rebuild before the next input
        e.reply().completeExceptionally(overloaded);
        again.addAll(batch.subList(i + 1, batch.size()));
        break;
      }
      stepped.add(new Stepped(e, step, f, stepper));
    }
    boolean diverged = false;
    for (Stepped s : stepped) {
      WriteResult result;
      try {
        result = runtime.await(s.write(), executionArn);
      } catch (RuntimeException failed) {
        stepper = null;
        diverged = true;
        s.envelope().reply().completeExceptionally(failed);
        continue;
      }
      if (result instanceof WriteResult.Committed c) {
        // (after a refused write none of the later ones can commit: each was made after the one before)
        events = c.events();
        runtime.carryOut(executionArn, s.step(), s.stepper());
        s.envelope().reply().complete(s.step());
      } else if (!diverged) {
        stepper = null;
        diverged = true;
        WriteResult.Refused r = (WriteResult.Refused) result;
        s.envelope().reply().completeExceptionally(new Refusal(r.reason() == WriteResult.Reason.CLOSED ? Refusal.Kind.EXECUTION_ENDED
            : Refusal.Kind.REFUSED_BY_EXECUTION, r.message()));
      } else {
        again.add(s.envelope()); // made after a refused write, so refused too: step it again
      }
    }
    for (Envelope e : again) {
      single(e);
    }
    if (stepper != null && runtime.evictsWaiting() && invoking.get() == 0 && mailbox.isEmpty() && !stepped.isEmpty()
        && stepped.get(stepped.size() - 1).step().commands().stream().noneMatch(k -> k instanceof io.stepwise.engine.step.Command.Continue)) {
      stepper = null; // as after a single step: what waits lives in the store
    }
  }

  private Step process(StepInput input) {
    // a redrive is the one input an ended execution takes
    boolean redrive = input instanceof StepInput.Redrive;
    if (stepper == null) {
      load(redrive);
    }
    if (input == null) {
      return null; // a wake: the load was all (what its restore found outstanding is under way)
    }
    if (stepper.status() != ExecutionStatus.RUNNING && !redrive) {
      throw new Refusal(Refusal.Kind.EXECUTION_ENDED, "The execution " + executionArn + " has ended (" + stepper.status() + ")");
    }
    Step step;
    try {
      step = runtime.stats.step(stepper, input);
    } catch (StepRefusedException refused) {
      throw new Refusal(redrive ? Refusal.Kind.NOT_REDRIVABLE : Refusal.Kind.REFUSED_BY_EXECUTION, refused.getMessage());
    }
    WriteResult result = runtime.commit(StepWrite.of(executionArn, events, input, step));
    if (!(result instanceof WriteResult.Committed c)) {
      stepper = null; // the stored execution is not the one stepped: rebuild before the next input
      WriteResult.Refused r = (WriteResult.Refused) result;
      Refusal.Kind kind = redrive ? Refusal.Kind.NOT_REDRIVABLE
          : r.reason() == WriteResult.Reason.CLOSED ? Refusal.Kind.EXECUTION_ENDED : Refusal.Kind.REFUSED_BY_EXECUTION;
      throw new Refusal(kind, r.message());
    }
    events = c.events();
    runtime.carryOut(executionArn, step, stepper);
    if (runtime.evictsWaiting() && invoking.get() == 0 && mailbox.isEmpty()
        && step.commands().stream().noneMatch(k -> k instanceof io.stepwise.engine.step.Command.Continue)) {
      // it waits for a timer or an answer from outside: what it is lives in the store, not here
      stepper = null;
    }
    return step;
  }

  /**
   * Rebuilds the execution from the store: what it waits for is in the store's rows already, so
   * only work left is resumed. An ended execution is rebuilt only to be redriven.
   */
  private void load(boolean evenEnded) {
    ExecutionRow row = runtime.store().execution(executionArn)
        .orElseThrow(() -> new Refusal(Refusal.Kind.EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist: '" + executionArn + "'"));
    if (row.status() != ExecutionStatus.RUNNING && !evenEnded) {
      throw new Refusal(Refusal.Kind.EXECUTION_ENDED, "The execution " + executionArn + " has ended (" + row.status() + ")");
    }
    Restored r = runtime.restore(row);
    stepper = r.stepper();
    events = row.events();
    runtime.resumeOutstanding(executionArn, r.outstanding());
  }
}
