package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.StepInput;

/**
 * Whether a write may be applied, decided alike for every store from what the store holds of its
 * execution: the reasons and messages of {@link WriteResult.Refused}.
 */
public final class WriteChecks {
  private WriteChecks() {}

  /** A new execution whose ARN is stored already. */
  public static WriteResult.Refused exists(NewExecution write) {
    return new WriteResult.Refused(write.executionArn(), WriteResult.Reason.ALREADY_EXISTS,
        "Execution Already Exists: '" + write.executionArn() + "'");
  }

  /**
   * The refusal of a step write, or null to apply it.
   *
   * @param found whether the execution is stored
   * @param status its stored status (when found)
   * @param events how many events its stored history holds (when found)
   */
  public static WriteResult.Refused step(StepWrite write, boolean found, ExecutionStatus status, long events) {
    String arn = write.executionArn();
    if (!found) {
      return new WriteResult.Refused(arn, WriteResult.Reason.NO_SUCH_EXECUTION, "Execution Does Not Exist: '" + arn + "'");
    }
    if (events != write.eventsBefore()) {
      return new WriteResult.Refused(arn, WriteResult.Reason.STALE, "The step of " + arn + " was made after " + write.eventsBefore()
          + " events, but its history holds " + events + ": another step was stored first");
    }
    if (write.input() instanceof StepInput.Redrive) {
      // the one step an ended execution takes: its row goes back to RUNNING (or to its new end)
      if (status == ExecutionStatus.RUNNING) {
        return new WriteResult.Refused(arn, WriteResult.Reason.NOT_ENDED, "The execution " + arn + " is running: only an ended one is redriven");
      }
      if (status == ExecutionStatus.SUCCEEDED) {
        return new WriteResult.Refused(arn, WriteResult.Reason.CLOSED, "The execution " + arn + " has succeeded: it is not redriven");
      }
      return null;
    }
    if (status != ExecutionStatus.RUNNING) {
      return new WriteResult.Refused(arn, WriteResult.Reason.CLOSED, "The execution " + arn + " has ended (" + status + "): it takes no more steps");
    }
    return null;
  }

  /** The result of an applied write. */
  public static WriteResult.Committed committed(Write write) {
    StepWrite step = switch (write) {
      case NewExecution n -> n.first();
      case StepWrite s -> s;
    };
    return new WriteResult.Committed(write.executionArn(), step.eventsAfter());
  }
}
