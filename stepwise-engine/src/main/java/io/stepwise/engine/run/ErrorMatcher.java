package io.stepwise.engine.run;

import io.stepwise.asl.error.StatesErrors;
import java.util.List;

/**
 * Decides whether a Retry or Catch ErrorEquals list matches an error: the one place both use.
 * States.Runtime ends the execution: nothing matches it. States.TaskFailed matches every error but
 * States.Timeout. (AWS's documentation says States.ALL does not catch States.DataLimitExceeded,
 * but the recorded executions show that it does for an oversized task result.)
 */
public final class ErrorMatcher {
  private ErrorMatcher() {}

  public static boolean matches(List<String> errorEquals, String error) {
    if (StatesErrors.RUNTIME.equals(error)) {
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
