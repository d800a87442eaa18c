package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.RuntimeCauses;
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

/**
 * The body of each state type, between its Entered event and its Exited event. Bodies that
 * must wait set the frame waiting and hand the engine a task, a timer or child frames.
 */
final class States {
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
    long due = RuntimeValues.waitDue(w, f.scope(in), f.enteredTime);
    f.held = in;
    f.waiting = true;
    f.timer = f.exec.timer(TimerKind.WAIT, due, f, null);
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
      error = text(f, s.errorValue(), "Error");
    }
    if (s.causeValue() != null) {
      cause = text(f, s.causeValue(), "Cause");
    }
    f.fail(error, cause);
  }

  /** A Fail's ErrorPath or CausePath (Error or Cause in JSONata), which must give a string. */
  private static String text(Frame f, io.stepwise.asl.model.Expression e, String field) {
    JsonNode v = e.evaluate(f.scope(f.input));
    if (v == null || !v.isTextual()) {
      RuntimeCauses.Source source = f.jsonata()
          ? RuntimeCauses.Source.expression(field, e.text() == null ? field : e.text())
          : RuntimeCauses.Source.path(field + "Path", e.text());
      throw RuntimeCauses.notString(source, v);
    }
    return v.textValue();
  }
}
