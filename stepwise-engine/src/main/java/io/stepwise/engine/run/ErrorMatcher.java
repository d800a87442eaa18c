package io.stepwise.engine.run;

import io.stepwise.asl.error.StatesErrors;
import java.util.List;

/**
 * Decides whether a Retry or Catch ErrorEquals list matches an error: the one place both use.
 * States.ALL matches every error but States.Runtime and States.DataLimitExceeded, which end the
 * execution; States.TaskFailed matches every error but States.Timeout (and those two).
 */
public final class ErrorMatcher {
  private ErrorMatcher() {}

  public static boolean isTerminal(String error) {
    return StatesErrors.RUNTIME.equals(error) || StatesErrors.DATA_LIMIT_EXCEEDED.equals(error);
  }

  public static boolean matches(List<String> errorEquals, String error) {
    if (isTerminal(error)) {
      return false;
    }
    for (String e : errorEquals) {
      if (e.equals(error)) {
        return true;
      }
      if (e.equals(StatesErrors.ALL)) {
        return true;
      }
      if (e.equals(StatesErrors.TASK_FAILED) && !StatesErrors.TIMEOUT.equals(error)) {
        return true;
      }
    }
    return false;
  }
}
