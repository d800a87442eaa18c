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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed Map children as executions of their own: created (stored with their first step)
 * when their parent's step asks, and their end told to the parent. The link from child to parent
 * is {@link DurableRuntime#parents}, set here and, after a restart, from the work rows ({@link
 * Recovery}).
 */
final class Children {
  private static final Logger log = LoggerFactory.getLogger(Children.class);

  private final DurableRuntime runtime;

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
        runtime.executor().execute(() -> start(parentArn, child, revision));
      }
    });
  }

  /** Stores the child with its first step and carries that step out; a child stored already is left (its parent was woken twice). */
  private void start(String parentArn, Command.StartChildExecution child, String revision) {
    String arn = child.record().executionArn();
    runtime.parents.put(arn, parentArn);
    try {
      Stepper stepper = runtime.engine().stepper(child, runtime.clock().millis());
      Step first = stepper.step(new StepInput.Start());
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

  /** An execution ended: if it is a child, its parent is told, with its output or error and cause. */
  void ended(String executionArn, ExecutionStatus status, Step last) {
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
    runtime.deliver(parent, new StepInput.ChildExecutionEnded(executionArn, status, output, error, cause));
  }
}
