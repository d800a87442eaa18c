package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.model.Assignment;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import java.util.Iterator;
import java.util.Map;

/**
 * One thread of control through a state graph: the execution itself, a Parallel branch, or a
 * Map iteration. It runs states back to back until one must wait (a task, a timer, children),
 * then returns; the execution resumes it when what it waits for arrives.
 */
final class Frame {
  static final int[] NO_RETRIES = new int[0];

  final Execution exec;
  final StateGraph graph;
  final FanOut owner; // the fan-out this frame is a child of; null for the execution's root frame
  final int index;
  final Variables vars;

  State state;
  JsonNode input; // the current state's raw input
  /** An upper bound on the byte size of {@link #input}'s JSON, or -1 until one is needed. */
  private long inputBound = -1;
  /** The bound {@link #exit} found for the output, which becomes the next state's input. */
  private long nextInputBound = -1;
  long enteredEventId;
  long enteredTime;
  int[] retryCounts = NO_RETRIES;
  int retryTotal;
  long lastEventId;
  String taskToken;
  JsonNode held; // the current state's effective input, kept across a wait

  boolean waiting;
  boolean finished;
  boolean aborted;
  /** Whether the current state's Entered event is recorded (false between a transition and the next state's entry). */
  private boolean entered;
  PendingTask pending;
  Timer timer;
  FanOut children;
  /** The fan-out of the current state's last attempt (its branches or iterations), kept after it ended, for a redrive. */
  FanOut lastFan;
  /** The Distributed Map run this frame's Map state has running; null otherwise. */
  MapRun mapRun;
  /** The Map Run of the current state's last attempt, kept after it ended, for a redrive; null if it started none. */
  MapRun lastMapRun;

  Frame(Execution exec, StateGraph graph, FanOut owner, int index, Variables vars, long lastEventId) {
    this.exec = exec;
    this.graph = graph;
    this.owner = owner;
    this.index = index;
    this.vars = vars;
    this.lastEventId = lastEventId;
  }

  /** Starts at the graph's first state. */
  void begin(JsonNode input) {
    this.state = graph.start();
    this.entered = false;
    this.input = input;
    this.inputBound = -1;
    run();
  }

  /** Runs states until one waits or the frame ends. */
  void run() {
    while (!waiting && !finished && !aborted && exec.isRunning()) {
      if (exec.stepBudgetSpent()) {
        // this step has done its share: go on from the next state in the next step
        exec.ready(() -> {
          if (live()) {
            run();
          }
        });
        return;
      }
      enter();
      States.body(this);
    }
  }

  boolean live() {
    return !finished && !aborted && exec.isRunning();
  }

  private void enter() {
    entered = true;
    lastFan = null;
    lastMapRun = null;
    enteredEventId = exec.append(this, EventType.entered(state.typeName()), new EventDetails.StateEntered(state.name(), input));
    enteredTime = exec.lastTimestamp();
    retryTotal = 0;
    retryCounts = NO_RETRIES;
  }

  EvalScope scope(JsonNode value) {
    return new EvalScope(this, value);
  }

  /**
   * Leaves the current state with its output: assigns variables, records the Exited event, and
   * moves to {@code next} or ends the frame when next is null.
   */
  void exit(JsonNode output, ObjectNode assigned, String next) {
    if (exec.info.checksPayloads() && !withinLimits(output)) {
      return;
    }
    exec.append(this, EventType.exited(state.typeName()), new EventDetails.StateExited(state.name(), output, assigned));
    if (assigned != null) {
      Iterator<Map.Entry<String, JsonNode>> it = assigned.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        vars.set(e.getKey(), e.getValue());
      }
    }
    transition(output, next);
  }

  /**
   * Whether a state's output fits the limits; fails the frame when not. Bounds are carried from
   * input to output so that only what a state changed is walked; the exact size is measured only
   * when the bound is over.
   */
  private boolean withinLimits(JsonNode output) {
    int limit = exec.info.payloadLimit;
    if (inputBound < 0 && input != null) {
      try {
        inputBound = Payloads.bound(input, null, -1, limit);
      } catch (io.stepwise.asl.json.Json.TooDeepException e) {
        inputBound = -1; // the output is then walked whole
      }
    }
    nextInputBound = Payloads.checkedBound(output, input, inputBound, limit);
    if (nextInputBound == Payloads.TOO_LARGE) {
      // AWS's words for a payload over 256 KiB; the state cannot pass it on, so the frame fails
      fail(StatesErrors.DATA_LIMIT_EXCEEDED, "The state/task '" + state.name()
          + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      return false;
    }
    if (nextInputBound == Payloads.TOO_DEEP) {
      fail(StatesErrors.RUNTIME, Payloads.tooDeep("The state '" + state.name() + "' produced an output"));
      return false;
    }
    return true;
  }

  void transition(JsonNode output, String next) {
    if (next == null) {
      succeed(output);
      return;
    }
    state = graph.state(next);
    entered = false;
    input = output;
    inputBound = nextInputBound; // -1 unless exit just measured this output
    nextInputBound = -1;
  }

  /** Evaluates an Assign against a value, or returns null when there is none. */
  ObjectNode assign(Assignment assign, JsonNode value) {
    return assign == null ? null : VariableLimits.check(assign.evaluate(scope(value)), exec);
  }

  ObjectNode assign(Assignment assign, EvalScope scope) {
    return assign == null ? null : VariableLimits.check(assign.evaluate(scope), exec);
  }

  /** Whether the current state speaks JSONata (Arguments, Output, Assign with $states) rather than JSONPath. */
  boolean jsonata() {
    return state.common().queryLanguage() == io.stepwise.asl.model.QueryLanguage.JSONATA;
  }

  /** The frame reached a terminal state or an End with this output. */
  void succeed(JsonNode output) {
    finished = true;
    if (owner == null) {
      exec.succeed(this, output);
    } else {
      owner.childSucceeded(this, output);
    }
  }

  /** The frame failed and nothing in it caught the failure. */
  void fail(String error, String cause) {
    finished = true;
    if (owner == null) {
      exec.fail(this, error, cause);
    } else {
      owner.childFailed(this, error, cause);
    }
  }

  /** Stops this frame because a sibling failed or the execution ended; cancels what it waits for. */
  void abort() {
    if (finished || aborted) {
      return;
    }
    aborted = true;
    if (pending != null) {
      exec.cancel(pending);
      pending = null;
    }
    if (timer != null) {
      exec.cancel(timer);
      timer = null;
    }
    if (mapRun != null) {
      mapRun.abort();
    }
    if (children != null) {
      children.abortAll();
    }
  }

  /**
   * Why this frame, stopped short of success, cannot be redriven; null when it can (also when it
   * never began, and so begins afresh).
   */
  String redriveRefusal() {
    // a Distributed Map's children are executions of their own: each one's redrive is refused or not when its run redrives it
    return lastFan == null ? null : lastFan.redriveRefusal();
  }

  /**
   * Redrive: the frame, which failed or was stopped, goes on from the state it was in. That state
   * keeps its Entered event (a Fail state alone is entered again, as AWS documents) and runs its
   * body again: with its retry counts at 0, and its clock (a Wait's Seconds, a Task's timeouts,
   * $$.State.EnteredTime) from the redrive. A Parallel or inline Map whose children did not all
   * succeed runs only those again; a Distributed Map whose Map Run did not succeed redrives the
   * run (its unsuccessful children run again).
   *
   * @param previousEventId the event its next one follows (ExecutionRedriven, or its fan-out's)
   */
  void redrive(long previousEventId) {
    finished = false;
    aborted = false;
    waiting = false;
    pending = null;
    timer = null;
    children = null;
    taskToken = null;
    held = null;
    retryTotal = 0;
    retryCounts = NO_RETRIES;
    lastEventId = previousEventId;
    if (!entered || state instanceof io.stepwise.asl.model.FailState) {
      resume(() -> { }); // run() enters it
      return;
    }
    enteredTime = exec.lastTimestamp();
    if (lastMapRun != null && lastMapRun.redrive()) {
      return;
    }
    if (lastFan != null && lastFan.redrive()) {
      return;
    }
    resume(() -> States.body(this));
  }

  /** A failure raised while running the current state's own logic goes through Retry and Catch. */
  void raise(StatesException e) {
    String cause = Failures.describe(this, e);
    EventType failedEvent = null;
    if (StatesErrors.QUERY_EVALUATION_ERROR.equals(e.error())) {
      // AWS records where a JSONata evaluation failed, and a Map or Parallel as failed, before handling it
      exec.append(this, EventType.EvaluationFailed, new EventDetails.EvaluationFailed(state.name(), e.error(), cause, e.location()));
      failedEvent = switch (state) {
        case io.stepwise.asl.model.MapState m -> EventType.MapStateFailed;
        case io.stepwise.asl.model.ParallelState p -> EventType.ParallelStateFailed;
        default -> null;
      };
    }
    Failures.handle(this, e.error(), cause, failedEvent);
  }

  /** Resumes a waiting frame on the execution's ready queue. */
  void resume(Runnable continuation) {
    exec.ready(() -> {
      if (live()) {
        continuation.run();
        run();
      }
    });
  }
}
