package io.stepwise.engine.teststate;

/** A state the tester cannot run as asked (an activity without a mock, a mock for a Pass, ...), and why. */
public final class StateTestRefusedException extends RuntimeException {
  public StateTestRefusedException(String message) {
    super(message);
  }
}
