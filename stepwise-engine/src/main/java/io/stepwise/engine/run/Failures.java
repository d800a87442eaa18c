package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.Catcher;
import io.stepwise.asl.model.ErrorHandling;
import io.stepwise.asl.model.JitterStrategy;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.Retrier;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.TaskState;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.step.TimerKind;

/** A state's failure, through Retry (the first matching retrier) and then Catch, or out of the frame. */
final class Failures {
  private Failures() {}

  /** AWS's cause for a failure of the engine's own evaluation names the state and its Entered event. */
  static String describe(Frame f, StatesException e) {
    return "An error occurred while executing the state '"
        + f.state.name()
        + "' (entered at the event id #"
        + f.enteredEventId
        + "). "
        + e.cause();
  }

  static ErrorHandling errorsOf(State s) {
    return switch (s) {
      case TaskState t -> t.errors();
      case ParallelState p -> p.errors();
      case MapState m -> m.errors();
      default -> ErrorHandling.NONE;
    };
  }

  static void handle(Frame f, String error, String cause) {
    handle(f, error, cause, null);
  }

  /**
   * @param failedEvent the state's own Failed event (MapStateFailed, ParallelStateFailed), which
   *     AWS records only when the failure is not retried
   */
  static void handle(Frame f, String error, String cause, EventType failedEvent) {
    String name = error == null ? "" : error;
    ErrorHandling eh = errorsOf(f.state);
    {
      for (int i = 0; i < eh.retry().size(); i++) {
        Retrier r = eh.retry().get(i);
        if (!ErrorMatcher.matches(r.errorEquals(), name)) {
          continue;
        }
        if (f.retryCounts == Frame.NO_RETRIES) {
          f.retryCounts = new int[eh.retry().size()];
        }
        int attempt = f.retryCounts[i];
        if (attempt < r.maxAttempts()) {
          f.retryCounts[i] = attempt + 1;
          f.retryTotal++;
          f.waiting = true;
          f.timer = f.exec.timer(TimerKind.RETRY, f.exec.lastTimestamp() + delayMillis(f, r, attempt), f, null);
          return;
        }
        break;
      }
      if (failedEvent != null) {
        f.exec.append(f, failedEvent, EventDetails.NONE);
      }
      for (Catcher c : eh.catchers()) {
        if (ErrorMatcher.matches(c.errorEquals(), name)) {
          ObjectNode errorOutput = Json.NODES.objectNode();
          errorOutput.put("Error", error);
          errorOutput.put("Cause", cause == null ? "" : cause);
          // what the state waited for is over; a Catcher's own failure fails the frame (StateExit)
          f.waiting = false;
          StateExit.leave(f, StateExit.Way.CATCH, errorOutput, c.assign(), c.output(), c.resultPath(), c.next());
          return;
        }
      }
    }
    f.fail(error, cause);
  }

  /** IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds, with FULL jitter if asked. */
  static long delayMillis(Frame f, Retrier r, int attempt) {
    double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt);
    if (r.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, r.maxDelaySeconds());
    }
    long millis = (long) (seconds * 1000);
    if (r.jitterStrategy() == JitterStrategy.FULL && millis > 0) {
      millis = f.exec.random.nextLong(millis + 1);
    }
    return millis;
  }
}
