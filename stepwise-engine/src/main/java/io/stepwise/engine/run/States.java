package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.Timestamps;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.model.ChoiceRule;
import io.stepwise.asl.model.ChoiceState;
import io.stepwise.asl.model.FailState;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.PassState;
import io.stepwise.asl.model.ResultHandling;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateCommon;
import io.stepwise.asl.model.SucceedState;
import io.stepwise.asl.model.TaskState;
import io.stepwise.asl.model.WaitState;
import io.stepwise.engine.run.StateExit.Way;
import io.stepwise.engine.step.TimerKind;
import java.time.Instant;

/**
 * The body of each state type, between its Entered event and its Exited event. Bodies that
 * must wait set the frame waiting and hand the engine a task, a timer or child frames.
 */
final class States {
  /** The longest Wait AWS accepts: 99999999 seconds. */
  static final long MAX_WAIT_SECONDS = 99_999_999L;

  private States() {}

  static void body(Frame f) {
    try {
      switch (f.state) {
        case PassState p -> pass(f, p);
        case TaskState t -> Tasks.schedule(f, t);
        case ChoiceState c -> choice(f, c);
        case WaitState w -> waitState(f, w);
        case SucceedState s -> succeed(f, s);
        case FailState s -> fail(f, s);
        case ParallelState p -> FanOut.parallel(f, p);
        case MapState m -> FanOut.map(f, m);
      }
    } catch (StatesException e) {
      f.raise(e);
    }
  }

  private static void pass(Frame f, PassState p) {
    StateCommon c = p.common();
    // a JSONata Pass has no InputPath, Parameters or Result: its input is its value
    JsonNode value = f.jsonata() ? f.input : passResult(f, p);
    StateExit.leave(f, Way.PASS, value, c.assign(), c.output(), p.resultPath(), p.next());
  }

  private static JsonNode passResult(Frame f, PassState p) {
    JsonNode in = Pipeline.inputPath(p.common().inputPath(), f.input, f);
    return p.result() != null ? p.result() : Pipeline.template(p.parameters(), in, f);
  }

  /** Completes a Task, Parallel or Map with the result its work produced. */
  static void complete(Frame f, JsonNode result) {
    State s = f.state;
    StateExit.leave(f, Way.RESULT, result, s.common().assign(), s.common().output(), resultHandling(s).resultPath(), next(s));
  }

  private static ResultHandling resultHandling(State s) {
    return switch (s) {
      case TaskState t -> t.result();
      case ParallelState p -> p.result();
      case MapState m -> m.result();
      default -> ResultHandling.DEFAULT;
    };
  }

  static String next(State s) {
    return switch (s) {
      case PassState p -> p.next();
      case TaskState t -> t.next();
      case WaitState w -> w.next();
      case ParallelState p -> p.next();
      case MapState m -> m.next();
      default -> null;
    };
  }

  private static void choice(Frame f, ChoiceState c) {
    StateCommon common = c.common();
    JsonNode in = Pipeline.inputPath(common.inputPath(), f.input, f);
    EvalScope scope = f.scope(in);
    for (ChoiceRule rule : c.choices()) {
      if (rule.condition().test(scope)) {
        // a matched rule's Assign and Output apply; the state's own only when Default is taken
        StateExit.leave(f, Way.INPUT, in, rule.assign(), rule.output(), null, rule.next());
        return;
      }
    }
    if (c.defaultNext() == null) {
      throw new StatesException(StatesErrors.NO_CHOICE_MATCHED, "No Matches!");
    }
    StateExit.leave(f, Way.INPUT, in, common.assign(), common.output(), null, c.defaultNext());
  }

  private static void waitState(Frame f, WaitState w) {
    JsonNode in = Pipeline.inputPath(w.common().inputPath(), f.input, f);
    long now = f.enteredTime;
    long due;
    if (w.seconds() != null) {
      due = now + w.seconds() * 1000;
    } else if (w.timestamp() != null) {
      due = timestamp(w.timestamp(), "Timestamp");
    } else if (w.secondsPath() != null) {
      JsonNode v = w.secondsPath().read(f.scope(in));
      if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
        throw new StatesException(
            StatesErrors.RUNTIME, "The SecondsPath parameter does not reference an input value: " + w.secondsPath().text());
      }
      if (v.asLong() > MAX_WAIT_SECONDS) {
        throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
      }
      due = now + v.asLong() * 1000;
    } else if (w.timestampPath() != null) {
      JsonNode v = w.timestampPath().read(f.scope(in));
      if (v == null || !v.isTextual() || Timestamps.parse(v.textValue()) == null) {
        throw new StatesException(
            StatesErrors.RUNTIME,
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                + w.timestampPath().text()
                + (v == null ? "" : " == " + (v.isTextual() ? v.textValue() : io.stepwise.asl.json.Json.write(v))));
      }
      due = timestamp(v.textValue(), "TimestampPath");
    } else if (w.secondsExpression() != null) {
      JsonNode v = w.secondsExpression().evaluate(f.scope(in));
      if (v == null || !v.canConvertToExactIntegral() || v.asLong() < 0) {
        throw new StatesException(
            StatesErrors.QUERY_EVALUATION_ERROR,
            "The JSONata expression for the field 'Seconds' must return a non-negative integer, but returned: " + show(v));
      }
      due = now + v.asLong() * 1000;
    } else {
      JsonNode v = w.timestampExpression().evaluate(f.scope(in));
      if (v == null || !v.isTextual() || Timestamps.parse(v.textValue()) == null) {
        throw new StatesException(
            StatesErrors.QUERY_EVALUATION_ERROR,
            "The JSONata expression for the field 'Timestamp' must return an ISO-8601 timestamp, but returned: " + show(v));
      }
      due = timestamp(v.textValue(), "Timestamp");
    }
    if ((due - now) / 1000 > Integer.MAX_VALUE) {
      // AWS keeps the delay in a 32-bit count of seconds
      throw new StatesException(StatesErrors.RUNTIME, "Wait state delay is too long.");
    }
    f.held = in;
    f.waiting = true;
    f.timer = f.exec.timer(TimerKind.WAIT, Math.max(due, now), f, null);
  }

  private static long timestamp(String text, String field) {
    Instant t = Timestamps.parse(text);
    if (t == null) {
      throw new StatesException(
          StatesErrors.RUNTIME, "The " + field + " parameter does not reference a valid ISO-8601 extended offset date-time format string: " + text);
    }
    return t.toEpochMilli();
  }

  /** The Wait's timer fired: leave the state. */
  static void waitDone(Frame f) {
    WaitState w = (WaitState) f.state;
    StateExit.leave(f, Way.INPUT, f.held, w.common().assign(), w.common().output(), null, w.next());
  }

  private static void succeed(Frame f, SucceedState s) {
    // a JSONata Succeed has no InputPath; no Succeed has an Assign
    JsonNode in = f.jsonata() ? f.input : Pipeline.inputPath(s.common().inputPath(), f.input, f);
    StateExit.leave(f, Way.INPUT, in, null, s.common().output(), null, null);
  }

  private static void fail(Frame f, FailState s) {
    String error = s.error();
    String cause = s.cause();
    if (s.errorValue() != null) {
      error = text(s.errorValue().evaluate(f.scope(f.input)), "ErrorPath");
    }
    if (s.causeValue() != null) {
      cause = text(s.causeValue().evaluate(f.scope(f.input)), "CausePath");
    }
    f.fail(error, cause);
  }

  private static String show(JsonNode v) {
    return v == null ? "undefined" : io.stepwise.asl.json.Json.write(v);
  }

  private static String text(JsonNode v, String field) {
    if (v == null || !v.isTextual()) {
      throw new StatesException(
          StatesErrors.RUNTIME, "The " + field + " field must resolve to a string, but got: " + (v == null ? "null" : v.toString()));
    }
    return v.textValue();
  }
}
