package io.stepwise.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.NewExecution;
import io.stepwise.store.StepWrite;
import io.stepwise.store.WriteResult;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed Map children as executions of their own: created (stored with their first step)
 * when their parent's step asks, redriven when a redrive of their Map Run asks, and their end told
 * to the parent. The link from child to parent is {@link DurableRuntime#parents}, set here and,
 * after a restart, when the parent is woken from the work rows ({@link Recovery}).
 */
final class Children {
  private static final Logger log = LoggerFactory.getLogger(Children.class);

  private final DurableRuntime runtime;
  /** The redrives under way (ARN and the redrive count asked for), so that one asked for twice is made once. */
  private final java.util.Set<String> redriving = java.util.concurrent.ConcurrentHashMap.newKeySet();

  Children(DurableRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts the children a step of the parent asked for, off the caller's thread; the parent's
   * revision (a Map Run's children are described by the state machine their parent started with)
   * is read once for all of them.
   */
  void startAll(String parentArn, List<Command.StartChildExecution> children) {
    if (children.isEmpty()) {
      return;
    }
    runtime.executor().execute(() -> {
      String revision;
      try {
        revision = runtime.store().execution(parentArn).map(ExecutionRow::revision).orElse(null);
      } catch (RuntimeException e) {
        log.error("Reading {} to start its children failed", parentArn, e);
        return;
      }
      for (Command.StartChildExecution child : children) {
        runtime.executor().execute(() -> {
          if (child.again()) {
            redrive(parentArn, child, revision);
          } else {
            start(parentArn, child, revision);
          }
        });
      }
    });
  }

  /** Stores the child with its first step and carries that step out; a child stored already is left (its parent was woken twice). */
  private void start(String parentArn, Command.StartChildExecution child, String revision) {
    String arn = child.record().executionArn();
    runtime.parents.put(arn, parentArn);
    try {
      Stepper stepper = runtime.engine().stepper(child, runtime.clock().millis()).storesInputsItself();
      Step first = runtime.stats.step(stepper, new StepInput.Start());
      StepWrite w = StepWrite.of(arn, 0, new StepInput.Start(), first);
      WriteResult r = runtime.commit(new NewExecution(child.record(), null, null, child.mapRunArn(), child.roleArn(),
          Json.write(child.input()), first.events().get(0).timestamp(), w, revision, child.items()));
      if (r instanceof WriteResult.Committed c) {
        runtime.keep(arn, stepper, first, c.events());
        runtime.carryOut(arn, first, stepper);
      }
    } catch (RuntimeException e) {
      log.error("Starting the child execution {} of {} failed", arn, parentArn, e);
    }
  }

  /**
   * A redrive of the child's Map Run runs it again: the child is redriven (an Express one starts
   * again from its first state) unless its row shows the redrive made already (its redrive count
   * is the one asked for: a restart, or a parent woken twice), in which case it is linked to its
   * parent if it runs and its end told if it has ended. A child its run cannot redrive (AWS's
   * rules refuse it) keeps its end, which its parent is told: a failure of the run. One that still
   * runs (a stop not yet taken) is linked, and its end is what the parent hears.
   */
  void redrive(String parentArn, Command.StartChildExecution child, String revision) {
    String arn = child.record().executionArn();
    String key = arn + "#" + child.redriveCount();
    if (!redriving.add(key)) {
      return; // asked for by the step and by a wake of the parent: the one under way will do
    }
    try {
      Optional<ExecutionRow> row = runtime.store().execution(arn);
      if (row.isEmpty()) {
        start(parentArn, child, revision); // never created (its parent stopped before it was): it starts
        return;
      }
      runtime.parents.put(arn, parentArn);
      if (row.get().redriveCount() >= child.redriveCount()) {
        settled(parentArn, row.get(), row.get().redriveCount());
        return;
      }
      try {
        runtime.offer(arn, new StepInput.Redrive()).get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof Refusal)) {
          log.error("Redriving the child execution {} of {} failed", arn, parentArn, e.getCause());
          return;
        }
        // not redrivable: its end stands as this redrive's; one still running (its stop not taken yet) ends first
        runtime.store().execution(arn).ifPresent(now -> settled(parentArn, now, child.redriveCount()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Redriving the child execution {} of {} failed", arn, parentArn, e);
    } finally {
      redriving.remove(key);
    }
  }

  /**
   * No redrive is made now: a running child is linked to its parent (done), and its end, of an
   * earlier attempt, makes the parent ask again; an ended one's end is told, as the answer to
   * redrive {@code answering}.
   */
  private void settled(String parentArn, ExecutionRow child, int answering) {
    if (child.status() == ExecutionStatus.RUNNING) {
      return;
    }
    runtime.parents.remove(child.executionArn());
    StepInput.ChildExecutionEnded end = Recovery.ended(child);
    runtime.deliver(parentArn, new StepInput.ChildExecutionEnded(end.executionArn(), end.status(), end.output(), end.error(), end.cause(),
        answering));
  }

  /** An execution ended: if it is a child, its parent is told, with its output or error and cause. */
  void ended(String executionArn, ExecutionStatus status, Step last, int redriveCount) {
    String parent = runtime.parents.remove(executionArn);
    if (parent == null) {
      return;
    }
    JsonNode output = null;
    String error = null;
    String cause = null;
    EventDetails end = last.events().get(last.events().size() - 1).details();
    if (end instanceof EventDetails.ExecutionSucceeded s) {
      output = s.output();
    } else if (end instanceof EventDetails.ExecutionEnded e) {
      error = e.error();
      cause = e.cause();
    }
    runtime.deliver(parent, new StepInput.ChildExecutionEnded(executionArn, status, output, error, cause, redriveCount));
  }
}
