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
    mailbox.add(new Envelope(input, reply));
    return draining.compareAndSet(false, true);
  }

  /** Nothing in memory worth keeping: asked under the map's lock by {@link DurableRuntime#retireIfIdle}. */
  boolean idle() {
    return stepper == null && mailbox.isEmpty() && invoking.get() == 0;
  }

  void drain() {
    while (true) {
      Envelope e = mailbox.poll();
      if (e == null) {
        // an execution that waits leaves memory; its next input makes a new actor (drain stays
        // set: nothing can be queued here once it has left the map)
        if (runtime.evictsWaiting() && runtime.retireIfIdle(this)) {
          return;
        }
        draining.set(false);
        if (mailbox.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        e.reply().complete(process(e.input()));
      } catch (Refusal r) {
        e.reply().completeExceptionally(r);
      } catch (RuntimeException bug) {
        log.error("Stepping {} failed", executionArn, bug);
        stepper = null; // rebuilt from what is stored on the next input
        e.reply().completeExceptionally(bug);
      }
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
      step = stepper.step(input);
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
