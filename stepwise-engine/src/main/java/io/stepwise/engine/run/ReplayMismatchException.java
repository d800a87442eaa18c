package io.stepwise.engine.run;

/** A recorded history that the definition does not reproduce: the definition or the engine changed. */
public final class ReplayMismatchException extends IllegalStateException {
  public ReplayMismatchException(String message) {
    super(message);
  }
}
