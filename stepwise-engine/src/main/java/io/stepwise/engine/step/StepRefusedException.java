package io.stepwise.engine.step;

/**
 * An input the execution cannot take in its present state, with the reason: the outcome of a task
 * that has already ended (timed out, its branch stopped) or was never scheduled, a timer that is
 * not set, a callback token no task waits for, anything for an execution that has ended. Nothing
 * was recorded; the execution is as it was.
 */
public final class StepRefusedException extends IllegalStateException {
  public StepRefusedException(String message) {
    super(message);
  }
}
