package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.TimerKind;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.history.EventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;

/**
 * The in-memory driver over a {@link Stepper}: it carries out each step's commands (tasks on
 * virtual threads, timers by the clock or at once with fast time) and feeds the outcomes back
 * as the next step's input, until the execution ends. While a recorded history remains, inputs
 * are taken from it instead, and no task is called.
 */
public final class Driver {
  /**
   * With fast time, how long to let a running task finish before jumping to the next timer: long
   * enough for a task that answers at once to be scheduled on a loaded machine (at 50 ms, one in
   * a few hundred generated runs ordered a retry before such a task), so a run is reproducible;
   * a task slower than this loses to the timers, as a slow one would.
   */
  private static final long FAST_TIME_GRACE_MS = 250;

  private final Execution exec;
  private final Stepper stepper;
  private final Invocations invocations;
  private final ExecutorService executor;
  /** Made on the first task: most executions of Pass and Choice states call none. */
  private InFlightTasks inFlight;
  /** Tasks a step asked for that have not been dispatched: while replaying, their outcomes are recorded. */
  private final Map<Long, Command.ScheduleTask> undispatched = new LinkedHashMap<>();
  private final PriorityQueue<Command.StartTimer> timers =
      new PriorityQueue<>(2, Comparator.comparingLong(Command.StartTimer::due).thenComparingLong(Command.StartTimer::timerId));
  private final Map<Long, Command.StartTimer> timersById = new HashMap<>();
  /** Activity tasks handed to a registered handler, which takes them as a worker would: their ActivityStarted comes next. */
  private ArrayDeque<StepInput> taken; // made on the first; most executions take no activity
  /** Distributed Map children asked for and not started (while replaying, their ends are recorded). */
  private Map<String, Command.StartChildExecution> undispatchedChildren; // made on the first
  /** Made on the first child. */
  private ChildExecutions children;
  /** The children's ends as the recording has them, each delivered after as many events as then. */
  private ArrayDeque<ChildEnding> recordedEndings; // null when none are left
  private StepListener listener = StepListener.NONE;
  private boolean restoring;
  /** A redrive to take once the recording is replayed (Engine.redrive); false once taken. */
  private boolean redriveAfterReplay;
  /** Its Distributed Map children as they ended before, by ARN: what a redrive of their Map Run redrives. */
  private Map<String, ExecutionResult> earlierChildren = Map.of();

  /** Told after each step, with the number of events the history then holds (tests stop executions there). */
  public interface StepListener {
    StepListener NONE = n -> true;

    /** Returns false to stop driving (the execution stays RUNNING, as after a crash). */
    boolean afterStep(int eventCount);
  }

  Driver(Execution exec, Invocations invocations, ExecutorService executor) {
    this.exec = exec;
    this.stepper = new Stepper(exec);
    this.invocations = invocations;
    this.executor = executor;
  }

  /** The recorded ends of the execution's Distributed Map children, for its replay. */
  Driver recordedEndings(List<ChildEnding> endings) {
    if (!endings.isEmpty()) {
      recordedEndings = new ArrayDeque<>(endings);
    }
    return this;
  }

  /** Its Distributed Map children's results from before (their records and histories), for a redrive of their Map Runs. */
  Driver earlierChildren(List<ExecutionResult> children) {
    Map<String, ExecutionResult> byArn = new HashMap<>();
    for (ExecutionResult r : children) {
      byArn.put(r.executionArn(), r); // in the order they ended: the latest end stands
    }
    this.earlierChildren = byArn;
    return this;
  }

  /** What its Distributed Map children that cannot end wait for; null when none. */
  String childrenStuck() {
    return children == null ? null : children.stuck();
  }

  /** The child executions this driver ran, in the order they ended. */
  List<ExecutionResult> children() {
    return children == null ? List.of() : children.results();
  }

  /** The parent stopped it before it began: it starts and is stopped at once, ABORTED. */
  void startStopped() {
    stepper.step(new StepInput.Start());
    stop();
  }

  /** Stops the execution (its parent stopped it): ABORTED, and what it started is cancelled. */
  void stop() {
    if (exec.isRunning()) {
      stepper.step(new StepInput.Stop(null, null));
    }
    if (inFlight != null) {
      inFlight.cancelAll();
    }
  }

  Driver listener(StepListener l) {
    this.listener = l;
    return this;
  }

  /** Once the recording is replayed, the execution (which ended) is redriven and driven on. */
  Driver redriveAfterReplay() {
    this.redriveAfterReplay = true;
    return this;
  }

  /**
   * Whether the ended execution is to be redriven next: the recording continues with its
   * ExecutionRedriven, or a redrive was asked for and the recording is over.
   */
  private boolean redriveNext() {
    if (exec.isRunning()) {
      return false;
    }
    if (replaying()) {
      return exec.replay.peek().type() == EventType.ExecutionRedriven;
    }
    return redriveAfterReplay;
  }

  /**
   * Whether the recording goes on with a StopExecution (ExecutionAborted is what only a Stop
   * records): replayed before work a step left, which the Stop came ahead of.
   */
  private boolean stopRecorded() {
    return replaying() && exec.replay.peek().type() == EventType.ExecutionAborted;
  }

  /**
   * Whether a recorded end of a child (or UpdateMapRun) came at this point, before the recorded
   * Stop: it was stored after as many events as the history holds now, and the Stop adds one.
   */
  private boolean endingBeforeStop() {
    return endingsLeft() && recordedEndings.peek().afterEvents() == exec.events.size();
  }

  private StepInput recordedStop() {
    EventDetails.ExecutionEnded d = (EventDetails.ExecutionEnded) exec.replay.peek().details();
    return new StepInput.Stop(d.error(), d.cause());
  }

  /** The input for an ended execution that is redriven next. */
  private StepInput redrive() {
    if (!replaying()) {
      redriveAfterReplay = false;
    }
    return new StepInput.Redrive();
  }

  void run() throws InterruptedException {
    carryOut(stepper.step(new StepInput.Start()));
    if (!listener.afterStep(exec.events.size())) {
      return;
    }
    while (exec.isRunning() || redriveNext()) {
      StepInput input = !exec.isRunning() ? redrive()
          : stopRecorded() ? (endingBeforeStop() ? recordedEnding() : recordedStop())
          : exec.hasReadyWork() ? new StepInput.Continue()
          : taken != null && !taken.isEmpty() ? taken.poll()
          : recordedEndingDue() ? recordedEnding()
          : replaying() ? recordedInput() : liveInput();
      if (input == null) {
        return; // nothing can ever arrive: a callback nobody will send
      }
      carryOut(stepper.step(input));
      if (!listener.afterStep(exec.events.size())) {
        return;
      }
    }
    if (children != null) {
      children.awaitStopped(); // so that the result holds the children it stopped, ABORTED
    }
  }

  /**
   * Replays the recording without carrying anything out, and says what is left as a step: the
   * events past the recording (none when it ends where a step ended), and every command still
   * outstanding (tasks scheduled and not ended, timers set, children running, work left, or the
   * end). Whoever restores an execution stores the events and carries out the commands again.
   */
  Step restore(int recordedEvents) {
    restoring = true;
    carryOut(stepper.step(new StepInput.Start()));
    while ((exec.isRunning() || redriveNext()) && (replaying() || endingsLeft())) {
      StepInput input = !exec.isRunning() ? redrive()
          : stopRecorded() ? (endingBeforeStop() ? recordedEnding() : recordedStop())
          : exec.hasReadyWork() ? new StepInput.Continue() : recordedEndingDue() ? recordedEnding() : recordedInput();
      carryOut(stepper.step(input));
    }
    List<Command> outstanding = new ArrayList<>(undispatched.values());
    Command.StartTimer[] set = timers.toArray(new Command.StartTimer[0]);
    Arrays.sort(set, timers.comparator());
    outstanding.addAll(Arrays.asList(set));
    if (undispatchedChildren != null) {
      outstanding.addAll(undispatchedChildren.values());
    }
    if (!exec.isRunning()) {
      outstanding.add(new Command.Finish(exec.status));
    } else if (exec.hasReadyWork()) {
      outstanding.add(new Command.Continue());
    }
    List<HistoryEvent> past = exec.events.size() > recordedEvents
        ? List.copyOf(exec.events.subList(recordedEvents, exec.events.size())) : List.of();
    return new Step(past, outstanding);
  }

  Stepper stepper() {
    return stepper;
  }

  private boolean replaying() {
    return exec.replay != null && exec.replay.active();
  }

  private boolean endingsLeft() {
    return recordedEndings != null && !recordedEndings.isEmpty();
  }

  private boolean recordedEndingDue() {
    if (!endingsLeft()) {
      return false;
    }
    long at = recordedEndings.peek().afterEvents();
    if (at < exec.events.size() || (at > exec.events.size() && !replaying())) {
      throw new ReplayMismatchException("The recorded " + describe(recordedEndings.peek().input())
          + " came after event " + at + ", but the execution " + (at < exec.events.size() ? "went past it without it" : "ended its recording at event " + exec.events.size()));
    }
    return at == exec.events.size();
  }

  private StepInput recordedEnding() {
    StepInput.MapRunInput input = recordedEndings.poll().input();
    if (input instanceof StepInput.ChildExecutionEnded ended && undispatchedChildren != null) {
      undispatchedChildren.remove(ended.executionArn());
    }
    return input;
  }

  private static String describe(StepInput.MapRunInput input) {
    return switch (input) {
      case StepInput.ChildExecutionEnded e -> "end of the child execution " + e.executionArn();
      case StepInput.UpdateMapRun u -> "UpdateMapRun of " + u.mapRunArn();
    };
  }

  private void carryOut(Step step) {
    for (Command c : step.commands()) {
      switch (c) {
        case Command.ScheduleTask t -> undispatched.put(t.scheduledEventId(), t);
        case Command.CancelTask t -> {
          undispatched.remove(t.scheduledEventId());
          if (inFlight != null) {
            inFlight.cancel(t.scheduledEventId());
          }
        }
        case Command.StartTimer t -> {
          Command.StartTimer before = timersById.put(t.timerId(), t);
          if (before != null) {
            timers.remove(before); // moved by a heartbeat
          }
          timers.add(t);
        }
        case Command.CancelTimer t -> {
          Command.StartTimer set = timersById.remove(t.timerId());
          if (set != null) {
            timers.remove(set);
          }
        }
        case Command.StartChildExecution start -> {
          if (undispatchedChildren == null) {
            undispatchedChildren = new LinkedHashMap<>();
          }
          undispatchedChildren.put(start.record().executionArn(), start);
        }
        case Command.StopChildExecution stop -> {
          if (undispatchedChildren != null) {
            undispatchedChildren.remove(stop.executionArn());
          }
          if (inFlight != null && children != null) {
            inFlight.drop(children.key(stop.executionArn())); // its end is no longer wanted...
            children.stop(stop.executionArn()); // ...and it ends ABORTED, whether it has begun or not
          }
        }
        case Command.Finish f -> { }
        case Command.PutMapRun p -> { } // a record for whoever stores it; nothing to carry out
        case Command.Continue more -> { } // the run loop sees the work left
      }
    }
    if (restoring) {
      return; // the restorer's caller carries them out
    }
    if (!replaying() && !undispatched.isEmpty()) {
      dispatch();
    }
    if (!replaying() && !endingsLeft() && undispatchedChildren != null && !undispatchedChildren.isEmpty()) {
      dispatchChildren();
    }
  }

  private void dispatchChildren() {
    if (children == null) {
      children = new ChildExecutions(exec, invocations, executor, earlierChildren);
    }
    if (inFlight == null) {
      inFlight = new InFlightTasks();
    }
    for (Command.StartChildExecution c : undispatchedChildren.values()) {
      if (c.again() && !earlierChildren.containsKey(c.record().executionArn()) && !children.ran(c.record().executionArn())) {
        throw new IllegalArgumentException("The Map Run " + c.mapRunArn() + " redrives its child execution " + c.record().executionArn()
            + ", whose history this redrive was not given: pass the children's results (ExecutionResult.children()) to Engine.redrive");
      }
      inFlight.dispatch(children.key(c.record().executionArn()), children.work(c), executor);
    }
    undispatchedChildren.clear();
  }

  private void dispatch() {
    for (Command.ScheduleTask t : undispatched.values()) {
      if (t.waitsForCallback() && !invocations.answers(t)) {
        // nobody registered an answer: the task waits, as on AWS, for a callback (a worker) or its timeouts
        PendingTask p = exec.pendingScheduled(t.scheduledEventId());
        if (p != null) {
          p.awaitsCallback = true;
        }
      } else {
        PendingTask p = exec.pendingScheduled(t.scheduledEventId());
        if (t.isActivity() && p != null && p.startedEventId == 0) {
          if (taken == null) {
            taken = new ArrayDeque<>(2);
          }
          taken.add(new StepInput.ActivityStarted(t.request().taskToken(), null)); // a worker that gave no name
        }
        if (inFlight == null) {
          inFlight = new InFlightTasks();
        }
        inFlight.dispatch(t.scheduledEventId(), () -> outcome(invocations.invoke(t)), executor);
      }
    }
    undispatched.clear();
  }

  /** The next input from the recording: a task's recorded outcome, or the timer that caused the next event. */
  private StepInput recordedInput() {
    HistoryEvent next = exec.replay.peek();
    switch (next.type()) {
      case ActivityStarted -> {
        PendingTask p = exec.pendingScheduled(next.previousEventId());
        if (p == null || p.startedEventId != 0) {
          throw new ReplayMismatchException("Recorded event " + next.id() + " starts an activity task the execution has not scheduled");
        }
        return new StepInput.ActivityStarted(p.request.taskToken(), ((EventDetails.ActivityStarted) next.details()).workerName());
      }
      case TaskSubmitted -> {
        PendingTask p = started(next);
        undispatched.remove(p.scheduledEventId); // handed on: only its callback is left
        return new StepInput.TaskSubmitted(p.scheduledEventId, ((EventDetails.TaskSucceeded) next.details()).output());
      }
      case TaskSucceeded, LambdaFunctionSucceeded, ActivitySucceeded -> {
        PendingTask p = started(next);
        undispatched.remove(p.scheduledEventId);
        JsonNode out = next.details() instanceof EventDetails.TaskSucceeded s
            ? s.output() : ((EventDetails.LambdaSucceeded) next.details()).output();
        // a task handed on (TaskSubmitted) was ended by its callback
        return p.submitted ? new StepInput.CallbackSucceeded(p.request.taskToken(), out) : new StepInput.TaskSucceeded(p.scheduledEventId, out);
      }
      case TaskFailed, LambdaFunctionFailed, ActivityFailed -> {
        PendingTask p = started(next);
        undispatched.remove(p.scheduledEventId);
        if (next.details() instanceof EventDetails.TaskFailed f) {
          return p.submitted ? new StepInput.CallbackFailed(p.request.taskToken(), f.error(), f.cause())
              : new StepInput.TaskFailed(p.scheduledEventId, f.error(), f.cause());
        }
        EventDetails.LambdaFailed f = (EventDetails.LambdaFailed) next.details();
        return new StepInput.TaskFailed(p.scheduledEventId, f.error(), f.cause());
      }
      default -> {
        Command.StartTimer t = timers.poll();
        if (t != null && t.kind() == TimerKind.HEARTBEAT_TIMEOUT && !endsByHeartbeat(next, t)) {
          // Heartbeats are not recorded: a heartbeat timer that did not end its task by the next
          // event was set again by one. Setting it again here, as of that event, keeps it pending.
          timersById.remove(t.timerId());
          return new StepInput.Heartbeat(heartbeatTask(t).request.taskToken());
        }
        if (t == null) {
          throw new ReplayMismatchException(
              "The recorded history continues with event " + next.id() + " (" + next.type() + ") but the execution waits for nothing");
        }
        timersById.remove(t.timerId());
        if (t.due() > next.timestamp() && t.kind() != TimerKind.HEARTBEAT_TIMEOUT) {
          // what a timer causes is recorded at or after its due time: an earlier event means the
          // recording was made with another timer (a Wait of other seconds, another back-off)
          throw new ReplayMismatchException("The recorded history continues with event " + next.id() + " (" + next.type() + ") at "
              + Times.iso(next.timestamp()) + ", before the execution's next timer (" + t.kind() + ") is due at " + Times.iso(t.due()));
        }
        return new StepInput.TimerFired(t.timerId());
      }
    }
  }

  /** Whether the recorded event is the heartbeat time-out this timer was set for. */
  private boolean endsByHeartbeat(HistoryEvent next, Command.StartTimer t) {
    PendingTask p = heartbeatTask(t);
    if (next.previousEventId() != p.startedEventId && (p.submittedEventId == 0 || next.previousEventId() != p.submittedEventId)) {
      return false;
    }
    String error = switch (next.details()) {
      case EventDetails.TaskFailed f when next.type() == EventType.TaskTimedOut -> f.error();
      case EventDetails.LambdaFailed f when next.type() == EventType.ActivityTimedOut -> f.error();
      default -> null;
    };
    return StatesErrors.HEARTBEAT_TIMEOUT.equals(error);
  }

  private PendingTask heartbeatTask(Command.StartTimer t) {
    Timer set = exec.timers.byId(t.timerId());
    return set.task();
  }

  /** A task's outcome as the execution's next input. */
  static StepInput outcome(PendingTask.Outcome o) {
    if (o.error() == null && o.submitted()) {
      return new StepInput.TaskSubmitted(o.scheduledEventId(), o.output());
    }
    return o.error() == null
        ? new StepInput.TaskSucceeded(o.scheduledEventId(), o.output())
        : new StepInput.TaskFailed(o.scheduledEventId(), o.error(), o.cause());
  }

  private PendingTask started(HistoryEvent e) {
    PendingTask p = exec.pendingAfter(e.previousEventId());
    if (p == null) {
      throw new ReplayMismatchException("Recorded event " + e.id() + " ends a task the execution has not started");
    }
    return p;
  }

  /** The next input from outside: a task's outcome or a timer; null when none can ever come. */
  private StepInput liveInput() throws InterruptedException {
    if (inFlight == null) {
      inFlight = new InFlightTasks();
    }
    while (true) {
      StepInput o = inFlight.next(0);
      if (o == null) {
        Command.StartTimer t = timers.peek();
        boolean running = inFlight.any();
        boolean onlyTheLimit = t != null && t.kind() == TimerKind.DURATION_LIMIT && timers.size() == 1;
        if (t == null || (onlyTheLimit && (!running || exec.config.fastTime()))) {
          // Only the type's duration limit (a year for Standard) is left: fast time waits for the
          // tasks in flight rather than leap to it; with none in flight, only a callback that no
          // one will send could come, so the execution stops here, RUNNING.
          if (!running) {
            return null;
          }
          o = inFlight.next(-1);
        } else {
          long wait = exec.config.fastTime() ? (running ? FAST_TIME_GRACE_MS : 0) : t.due() - exec.now();
          if (wait > 0) {
            o = running ? inFlight.next(wait) : null;
            if (o == null && !running) {
              Thread.sleep(wait);
            }
          }
          if (o == null) {
            if (exec.config.fastTime() && t.due() > exec.now()) {
              exec.skew += t.due() - exec.now();
            }
            if (t.due() <= exec.now()) {
              timers.poll();
              timersById.remove(t.timerId());
              return new StepInput.TimerFired(t.timerId());
            }
            continue; // woke a little early
          }
        }
      }
      if (o instanceof StepInput.ChildExecutionEnded && children != null && exec.config.fastTime()) {
        children.catchUpClock();
      }
      return o;
    }
  }
}
