package io.stepwise.engine.teststate;

/**
 * A state the tester cannot run as asked (an activity without a mock, a mock for a Pass, ...), and
 * why. AWS answers most of these ValidationException and a Map or Parallel without a mock
 * InvalidDefinition: {@link #invalidDefinition()} tells them apart.
 */
public final class StateTestRefusedException extends RuntimeException {
  private final boolean invalidDefinition;

  public StateTestRefusedException(String message) {
    this(message, false);
  }

  StateTestRefusedException(String message, boolean invalidDefinition) {
    super(message);
    this.invalidDefinition = invalidDefinition;
  }

  /** Whether AWS calls this an InvalidDefinition rather than a ValidationException. */
  public boolean invalidDefinition() {
    return invalidDefinition;
  }
}
