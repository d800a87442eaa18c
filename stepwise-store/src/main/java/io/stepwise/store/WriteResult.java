package io.stepwise.store;

/** What became of one {@link Write} of a commit. */
public sealed interface WriteResult {
  String executionArn();

  /** Stored: the execution's history now holds {@code events} events. */
  record Committed(String executionArn, long events) implements WriteResult {}

  /** Not stored, and nothing of it: the others of its batch are unaffected. */
  record Refused(String executionArn, Reason reason, String message) implements WriteResult {}

  enum Reason {
    /** A {@link NewExecution} for an ARN that is stored already (ExecutionAlreadyExists). */
    ALREADY_EXISTS,
    /** A {@link StepWrite} for an execution that is not stored (ExecutionDoesNotExist). */
    NO_SUCH_EXECUTION,
    /** The history holds another number of events than the write was made after: someone else stepped it. */
    STALE,
    /** The execution has ended; it takes no more steps (but a redrive of one that did not succeed). */
    CLOSED,
    /** A redrive of an execution that has not ended. */
    NOT_ENDED
  }

  default boolean committed() {
    return this instanceof Committed;
  }
}
