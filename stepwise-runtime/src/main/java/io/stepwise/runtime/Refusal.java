package io.stepwise.runtime;

/**
 * Why the runtime would not do what it was asked, in terms the API maps to AWS's errors: the
 * execution or task does not exist, has ended, already exists, or the runtime is overloaded.
 */
public final class Refusal extends RuntimeException {
  public enum Kind {
    EXECUTION_DOES_NOT_EXIST,
    EXECUTION_ALREADY_EXISTS,
    /** The execution has ended: it takes no more input (StopExecution of an ended one, a late callback). */
    EXECUTION_ENDED,
    /** No task waits for this token: unknown, or ended (timed out, answered). */
    TASK_DOES_NOT_EXIST,
    /** The input was refused by the execution itself (the engine's StepRefusedException). */
    REFUSED_BY_EXECUTION,
    /** Too much waiting to be stored: try again later (ThrottlingException). */
    OVERLOADED,
    /** The definition an execution runs is not known (its state machine and revision were deleted). */
    DEFINITION_MISSING,
    /** RedriveExecution of an execution that cannot be redriven: the message is the reason (ExecutionNotRedrivable). */
    NOT_REDRIVABLE
  }

  private final Kind kind;

  public Refusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
