package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.TimerKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One execution's state: its history (the truth), its frames, and what it waits for (pending
 * tasks and timers). It is advanced in steps by a {@link Driver}; between steps it holds no
 * thread. Everything it decides follows from its history, so it can be rebuilt by replay.
 */
public final class Execution {
  /** AWS ends a Standard execution whose history would pass 25,000 events; Express has no limit. */
  static final int MAX_EVENTS = 25_000;
  /**
   * Stepwise's own bound on an Express execution's history, which it holds in memory. AWS has
   * none but stops an Express execution after five minutes; a loop of Pass or Choice states runs
   * far faster here than there and would fill the heap long before five minutes passed.
   */
  static final int MAX_EXPRESS_EVENTS = 1_000_000;
  static final long STANDARD_MAX_MILLIS = 365L * 24 * 60 * 60 * 1000;
  static final long EXPRESS_MAX_MILLIS = 5L * 60 * 1000;
  /** The most events one step records before it yields to its driver. */
  static final int EVENTS_PER_STEP = 10_000;
  /** Inside one long run of states the clock is cached; it is read again after this many events. */
  private static final int EVENTS_PER_CLOCK_READ = 4096;

  final StateMachine machine;
  final EngineConfig config;
  final ExecutionInfo info;
  final SplittableRandom random;
  final List<HistoryEvent> events;
  final Replay replay;
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  final Timers timers = new Timers();
  private final List<PendingTask> cancelledTasks = new ArrayList<>();
  private final Map<Long, PendingTask> pendingByScheduled = new LinkedHashMap<>();
  /** Started tasks by the event their outcome follows (previousEventId): TaskStarted, and TaskSubmitted once handed on. */
  private final Map<Long, PendingTask> pendingByLastEvent = new HashMap<>();
  /** Distributed Map children started and not ended, by ARN; made on the first. */
  private Map<String, PendingChild> children;
  private List<PendingChild> stoppedChildren;
  private List<PendingChild> newChildren;
  /** What its Map Runs received from outside (children's ends, UpdateMapRun), and when, for its replay; made on the first. */
  private List<io.stepwise.engine.ChildEnding> childEndings;
  /** False when whoever drives this execution stores each input itself (the durable runtime). */
  private boolean keepsChildEndings = true;
  /** Its Distributed Map runs still running, by ARN, and those whose record changed in this step; made on the first. */
  private Map<String, MapRun> runningMapRuns;
  private java.util.LinkedHashSet<MapRun> changedMapRuns;
  private long lastId;
  long skew; // fast-time: how far the engine's clock has been moved ahead of the real one
  private int tokenSeq;
  long variableBytes; // the JSON size of every value assigned so far, against the 10 MiB limit
  private boolean draining;
  private boolean replayClockCaughtUp;
  private long cachedNow = Long.MIN_VALUE;
  private int eventsSinceClockRead;
  private int stepEvents;
  /** When the execution passes its type's duration limit, in epoch millis (an Express Map Run child started again counts from then). */
  private long durationDeadline;
  private boolean durationTimerSet;
  private final int maxEvents;
  /** The test case's mocked states and their calls so far; null without a test case. */
  private final MockCalls mockCalls;

  ExecutionStatus status = ExecutionStatus.RUNNING;
  JsonNode output;
  String error;
  String cause;
  Frame root;

  Execution(StateMachine machine, EngineConfig config, ExecutionInfo info, Replay replay) {
    this.machine = machine;
    this.config = config;
    this.info = info;
    this.replay = replay;
    // two events a state is the common case; sizing for it avoids regrowing long histories
    this.events = new ArrayList<>(Math.min(4096, machine.graph().states().size() * 2 + 4));
    this.random = new SplittableRandom(info.executionArn.hashCode() * 0x9E3779B97F4A7C15L ^ info.startTime);
    this.durationDeadline = info.startTime + (info.type == ExecutionType.EXPRESS ? EXPRESS_MAX_MILLIS : STANDARD_MAX_MILLIS);
    this.maxEvents = info.type == ExecutionType.EXPRESS ? MAX_EXPRESS_EVENTS : MAX_EVENTS;
    this.mockCalls = MockCalls.of(info, config.mocks());
  }

  /** The mocked call a Task state scheduled now makes, or null when its execution's test case (if any) does not mock it. */
  io.stepwise.engine.mock.MockCall mockCall(String stateName) {
    return mockCalls == null ? null : mockCalls.next(stateName);
  }

  boolean isRunning() {
    return status == ExecutionStatus.RUNNING;
  }

  /** The engine's now in epoch millis: the recorded time while replaying, else the clock. */
  long now() {
    if (replay != null && !replayClockCaughtUp) {
      if (replay.active()) {
        return replay.nextTimestamp(config.clock().millis() + skew);
      }
      // the recording is over, maybe mid-step: the clock goes on from its last time, never back
      replayClockCaughtUp = true;
      skew = Math.max(skew, replay.lastTimestamp() - config.clock().millis());
      cachedNow = Long.MIN_VALUE;
    }
    if (draining) {
      // one clock read per unit of work: a run of states takes microseconds, and the clock
      // read was a measurable share of a Pass transition
      if (cachedNow == Long.MIN_VALUE) {
        cachedNow = config.clock().millis() + skew;
      }
      return cachedNow;
    }
    return config.clock().millis() + skew;
  }

  /** Appends an event to the frame's chain and returns its id. */
  long append(Frame frame, EventType type, EventDetails details) {
    return append(frame, type, details, Long.MIN_VALUE);
  }

  /** @param at the event's timestamp, or Long.MIN_VALUE for now */
  private long append(Frame frame, EventType type, EventDetails details, long at) {
    stepEvents++;
    if (!isRunning()) {
      return lastId; // an ended execution records nothing more
    }
    if (draining && ++eventsSinceClockRead >= EVENTS_PER_CLOCK_READ) {
      eventsSinceClockRead = 0;
      cachedNow = Long.MIN_VALUE;
    }
    long timestamp = at == Long.MIN_VALUE ? now() : at;
    if (!type.endsExecution() && overLimits(timestamp)) {
      return lastId;
    }
    long prev = frame == null ? lastId : frame.lastEventId;
    long id = ++lastId;
    HistoryEvent e = new HistoryEvent(id, prev, timestamp, type, details);
    if (replay != null && replay.active()) {
      replay.check(e);
    }
    events.add(e);
    if (frame != null) {
      frame.lastEventId = id;
    }
    return id;
  }

  /** Ends the execution when one more event would pass a limit on its history or its duration. */
  private boolean overLimits(long timestamp) {
    if (events.size() >= maxEvents - 1) {
      // the last place in the history goes to the failure
      fail(null, StatesErrors.RUNTIME, info.type == ExecutionType.STANDARD
          ? "The execution reached the maximum number of history events (" + MAX_EVENTS + ")."
          : "The Express execution reached " + MAX_EXPRESS_EVENTS + " history events, the most Stepwise holds in memory for one execution.");
      return true;
    }
    if (timestamp >= durationDeadline) {
      // a long run of states passed the limit between timers
      exceedDurationLimit();
      return true;
    }
    return false;
  }

  /**
   * Puts the duration limit among the timers the first time the execution waits: most executions
   * end within their first step, and need neither the timer nor its place in the queue.
   */
  void ensureDurationTimer() {
    if (!durationTimerSet) {
      durationTimerSet = true;
      timer(TimerKind.DURATION_LIMIT, durationDeadline, null, null);
    }
  }

  /** The timestamp of the newest event: times the engine computes start from recorded times, so replay reproduces them. */
  long lastTimestamp() {
    return events.isEmpty() ? now() : events.get(events.size() - 1).timestamp();
  }

  /** Makes room for this many more events at once, rather than regrowing the history step by step. */
  void expectEvents(long more) {
    long target = events.size() + more;
    if (target < Integer.MAX_VALUE / 2) {
      ((ArrayList<HistoryEvent>) events).ensureCapacity((int) target);
    }
  }

  void start() {
    // stamped with the start time the execution's seed is drawn from, so that a replay, which
    // takes the start time from this event, draws the same values
    append(null, EventType.ExecutionStarted, new EventDetails.ExecutionStarted(info.input, info.roleArn, info.versionArn, info.aliasArn), info.startTime);
    if (machine.timeoutSeconds() != null) {
      timer(TimerKind.EXECUTION_TIMEOUT, info.startTime + machine.timeoutSeconds() * 1000L, null, null);
    }
    root = new Frame(this, machine.graph(), null, 0, new Variables(null), 0);
    ready(() -> root.begin(info.input));
  }

  /**
   * A redrive: RUNNING again, its end undone, with ExecutionRedriven as the redrive's first event
   * (its id returned). The machine's TimeoutSeconds counts again from now, as AWS documents; the
   * type's duration limit still counts from the start.
   */
  long reopen() {
    status = ExecutionStatus.RUNNING;
    output = null;
    error = null;
    cause = null;
    durationTimerSet = false;
    long now = now();
    info.redriven(now);
    long id = append(null, EventType.ExecutionRedriven, new EventDetails.ExecutionRedriven(info.redriveCount()), now);
    if (machine.timeoutSeconds() != null) {
      timer(TimerKind.EXECUTION_TIMEOUT, now + machine.timeoutSeconds() * 1000L, null, null);
    }
    return id;
  }

  /**
   * An Express Map Run child that ended unsuccessfully starts again, after its ExecutionRedriven
   * ({@code previousEventId}): from its first state, with its input and no variables, its five
   * minutes counted from now, as AWS starts such a child again with StartExecution.
   */
  void restart(long previousEventId) {
    durationDeadline = lastTimestamp() + EXPRESS_MAX_MILLIS;
    variableBytes = 0;
    root = new Frame(this, machine.graph(), null, 0, new Variables(null), previousEventId);
    ready(() -> root.begin(info.input));
  }

  void ready(Runnable r) {
    ready.add(r);
  }

  /** Runs everything runnable, back to back, until every frame waits or the execution ends. */
  void drain() {
    draining = true;
    try {
      Runnable r;
      while (!stepBudgetSpent() && (r = ready.poll()) != null) {
        if (!isRunning()) {
          ready.clear();
          return;
        }
        cachedNow = Long.MIN_VALUE;
        r.run();
      }
    } finally {
      draining = false;
    }
  }

  /**
   * Whether this step has recorded as many events as one step may: the rest waits in the ready
   * queue for the next step, so a long run of states (a loop, a large Map) gives its thread back
   * to the driver between steps instead of holding it to the end.
   */
  boolean stepBudgetSpent() {
    return stepEvents >= EVENTS_PER_STEP;
  }

  /** A new step begins: its share of events starts from nothing. */
  void beginStep() {
    stepEvents = 0;
  }

  /** Work is left in the ready queue: the next step continues it. */
  boolean hasReadyWork() {
    return isRunning() && !ready.isEmpty();
  }

  String newTaskToken() {
    return "token-" + info.executionName + "-" + (++tokenSeq) + "-" + Long.toHexString(random.nextLong());
  }

  Timer timer(TimerKind kind, long due, Frame frame, PendingTask task) {
    return timers.add(kind, due, frame, task);
  }

  void cancel(Timer t) {
    timers.cancel(t);
  }

  void register(PendingTask p) {
    pendingByScheduled.put(p.scheduledEventId, p);
  }

  void forget(PendingTask p) {
    pendingByScheduled.remove(p.scheduledEventId);
    pendingByLastEvent.remove(p.startedEventId);
    pendingByLastEvent.remove(p.submittedEventId);
  }

  /** The task ends without its outcome (timed out, or its branch stopped); its driver is told to drop it. */
  void cancel(PendingTask p) {
    p.done = true;
    forget(p);
    p.cancelHeartbeat();
    if (p.announced) {
      cancelledTasks.add(p);
    }
  }

  /** The announced tasks cancelled since the last call. */
  List<PendingTask> takeCancelledTasks() {
    if (cancelledTasks.isEmpty()) {
      return List.of();
    }
    List<PendingTask> out = new ArrayList<>(cancelledTasks);
    cancelledTasks.clear();
    return out;
  }

  void markStarted(PendingTask p) {
    pendingByLastEvent.put(p.startedEventId, p);
  }

  /** A handed-on callback task's outcome follows its TaskSubmitted event: replay finds it by that too. */
  void markSubmitted(PendingTask p) {
    pendingByLastEvent.put(p.submittedEventId, p);
  }

  PendingTask pendingScheduled(long scheduledId) {
    return pendingByScheduled.get(scheduledId);
  }

  /** The started task whose outcome would follow this event (its TaskStarted or TaskSubmitted), or null. */
  PendingTask pendingAfter(long eventId) {
    return pendingByLastEvent.get(eventId);
  }

  boolean hasPendingTasks() {
    return !pendingByScheduled.isEmpty();
  }

  List<PendingTask> pendingTasks() {
    return new ArrayList<>(pendingByScheduled.values());
  }

  void startChild(PendingChild c) {
    if (children == null) {
      children = new LinkedHashMap<>();
    }
    children.put(c.arn(), c);
    if (newChildren == null) {
      newChildren = new ArrayList<>();
    }
    newChildren.add(c);
  }

  /** The children started since the last call and still running, to announce to the driver. */
  List<PendingChild> takeNewChildren() {
    if (newChildren == null || newChildren.isEmpty()) {
      return List.of();
    }
    List<PendingChild> out = new ArrayList<>(newChildren.size());
    for (PendingChild c : newChildren) {
      if (!c.done) {
        out.add(c);
      }
    }
    newChildren.clear();
    return out;
  }

  /** The child with this ARN, started and not ended; null otherwise. */
  PendingChild runningChild(String arn) {
    return children == null ? null : children.get(arn);
  }

  /** The child's end arrived: it is recorded for replay, with the number of events the history held. */
  void childEnded(PendingChild c, io.stepwise.engine.step.StepInput.ChildExecutionEnded ended) {
    c.done = true;
    children.remove(c.arn());
    received(ended);
  }

  /** A Map Run's input from outside arrived: it is recorded for replay, with the number of events the history held. */
  void received(io.stepwise.engine.step.StepInput.MapRunInput input) {
    if (!keepsChildEndings) {
      return;
    }
    if (childEndings == null) {
      childEndings = new ArrayList<>();
    }
    childEndings.add(new io.stepwise.engine.ChildEnding(events.size(), input));
  }

  void mapRunStarted(MapRun run) {
    if (runningMapRuns == null) {
      runningMapRuns = new HashMap<>();
    }
    runningMapRuns.put(run.identity().arn(), run);
  }

  void mapRunEnded(MapRun run) {
    runningMapRuns.remove(run.identity().arn());
  }

  /** The running Map Run with this ARN; null when it has ended or never was. */
  MapRun runningMapRun(String arn) {
    return runningMapRuns == null ? null : runningMapRuns.get(arn);
  }

  void mapRunChanged(MapRun run) {
    if (changedMapRuns == null) {
      changedMapRuns = new java.util.LinkedHashSet<>();
    }
    changedMapRuns.add(run);
  }

  /** The Map Runs whose record changed since the last call, in the order they first changed. */
  List<MapRun> takeChangedMapRuns() {
    if (changedMapRuns == null || changedMapRuns.isEmpty()) {
      return List.of();
    }
    List<MapRun> out = new ArrayList<>(changedMapRuns);
    changedMapRuns.clear();
    return out;
  }

  /** The child's end is no longer wanted (its run failed, the execution ended): its driver is told to stop it. */
  void stopChild(PendingChild c) {
    if (c.done) {
      return;
    }
    c.done = true;
    children.remove(c.arn());
    if (c.announced) {
      if (stoppedChildren == null) {
        stoppedChildren = new ArrayList<>();
      }
      stoppedChildren.add(c);
    }
  }

  /** Children started and not ended, in the order they were started. */
  List<PendingChild> pendingChildren() {
    return children == null ? List.of() : new ArrayList<>(children.values());
  }

  List<PendingChild> takeStoppedChildren() {
    if (stoppedChildren == null || stoppedChildren.isEmpty()) {
      return List.of();
    }
    List<PendingChild> out = new ArrayList<>(stoppedChildren);
    stoppedChildren.clear();
    return out;
  }

  /** The inputs are stored by the driver: keeping them here too would hold every child's output until the end. */
  void forgetChildEndings() {
    keepsChildEndings = false;
    childEndings = null;
  }

  List<io.stepwise.engine.ChildEnding> childEndings() {
    return childEndings == null ? List.of() : List.copyOf(childEndings);
  }

  void succeed(Frame frame, JsonNode out) {
    if (!isRunning()) {
      return;
    }
    output = out;
    append(frame, EventType.ExecutionSucceeded, new EventDetails.ExecutionSucceeded(out));
    status = ExecutionStatus.SUCCEEDED;
    end();
  }

  void fail(Frame frame, String err, String cse) {
    endWith(frame, EventType.ExecutionFailed, ExecutionStatus.FAILED, err, cse);
  }

  /** The machine's TimeoutSeconds passed: AWS's DescribeExecution then reports neither error nor cause. */
  void timeOut() {
    endWith(null, EventType.ExecutionTimedOut, ExecutionStatus.TIMED_OUT, null, null);
  }

  /** StopExecution: ABORTED, with the caller's error and cause. */
  void abort(String err, String cse) {
    endWith(null, EventType.ExecutionAborted, ExecutionStatus.ABORTED, err, cse);
  }

  /** Ends a running execution without output: its last event, its status, error and cause. */
  private void endWith(Frame frame, EventType type, ExecutionStatus ended, String err, String cse) {
    if (!isRunning()) {
      return;
    }
    error = err;
    cause = cse;
    append(frame, type, new EventDetails.ExecutionEnded(err, cse));
    status = ended;
    end();
  }

  /** The pending task waiting for a callback with this token, or null. */
  PendingTask pendingByToken(String token) {
    for (PendingTask p : pendingByScheduled.values()) {
      if (token.equals(p.request.taskToken()) && !p.done && p.startedEventId != 0) {
        return p;
      }
    }
    return null;
  }

  /** The activity task with this token that no worker has taken yet, or null. */
  PendingTask activityWaitingForWorker(String token) {
    for (PendingTask p : pendingByScheduled.values()) {
      if (token.equals(p.request.taskToken()) && !p.done && p.startedEventId == 0 && p.announced
          && !TaskEvents.of(p.kind).startsWhenScheduled()) {
        return p;
      }
    }
    return null;
  }

  /** The execution ran as long as its type may: TIMED_OUT with States.Timeout. */
  void exceedDurationLimit() {
    endWith(null, EventType.ExecutionTimedOut, ExecutionStatus.TIMED_OUT, StatesErrors.TIMEOUT,
        info.type == ExecutionType.EXPRESS
            ? "The execution ran longer than the 5 minutes an Express workflow may run."
            : "The execution ran longer than the one year a Standard workflow may run.");
  }

  /**
   * What a RUNNING execution that cannot go on waits for: the callbacks that nothing answers, or
   * null when it waits for nothing in particular.
   */
  String waitingFor() {
    StringBuilder b = new StringBuilder();
    for (PendingTask p : pendingByScheduled.values()) {
      if (p.awaitsCallback) {
        b.append(b.isEmpty() ? "" : "; ").append("the state '").append(p.request.stateName()).append("' (resource '")
            .append(p.request.resource()).append(p.startedEventId == 0
                ? "') waits for a worker to take it with GetActivityTask"
                : "') waits for SendTaskSuccess or SendTaskFailure with its task token")
            .append(", and no answer is registered for the resource");
      } else if (p.submitted && !p.done) {
        b.append(b.isEmpty() ? "" : "; ").append("the state '").append(p.request.stateName()).append("' (resource '")
            .append(p.request.resource()).append("') handed its task token on and waits for SendTaskSuccess or SendTaskFailure with it");
      }
    }
    return b.isEmpty() ? null : "A callback that nothing will send: " + b + ".";
  }

  private void end() {
    if (root != null) {
      root.abort();
    }
    if (hasPendingTasks()) {
      for (PendingTask p : pendingTasks()) {
        cancel(p);
      }
    }
    for (PendingChild c : pendingChildren()) {
      stopChild(c);
    }
    timers.clear();
  }
}
