package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.MapMode;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.itemdata.ChildRun;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The children of a running Parallel or Map state: starts them (Map: no more than its
 * concurrency at once), gathers their outputs in order, and ends the parent state when all have
 * succeeded or when a failure is more than it tolerates.
 */
final class FanOut {
  final Frame parent;
  private final Kind kind;
  private final List<StateGraph> graphs; // one per branch; a Map uses graphs.get(0)
  private final Results results;
  private final List<JsonNode> inputs; // per child
  private int concurrency; // a Distributed Map's changes with UpdateMapRun
  private final Frame[] running;
  /** Each branch or iteration's frame once started, kept after it ended, for a redrive; null for a Distributed Map. */
  private final Frame[] frames;
  /** Which children succeeded (a redrive keeps their results and runs the others again). */
  private final boolean[] succeededChildren;
  /** The children a redrive runs again, in order; null: all, in order. */
  private int[] todo;
  /** The error the fan-out failed with, if it did. */
  private String failure;
  /** A Distributed Map's children: child executions, each with its own history; null otherwise. */
  private final MapRunChildren childExecutions;
  private MapPlan plan; // a Distributed Map's tolerances change with UpdateMapRun
  private final MapRun run; // a Distributed Map's run; null otherwise
  private int nextChild;
  private int active;
  private int failed;
  private boolean closed;
  private long lastIterationEventId;

  static final int INLINE_MAP_LIMIT = 40;
  /** AWS runs at most 10,000 child executions of a Distributed Map at once. */
  static final int DISTRIBUTED_MAP_LIMIT = 10_000;

  enum Kind {
    PARALLEL,
    MAP,
    DISTRIBUTED_MAP
  }

  private FanOut(Frame parent, Kind kind, List<StateGraph> graphs, List<JsonNode> inputs, int concurrency, MapPlan plan, MapRun run) {
    this.parent = parent;
    this.kind = kind;
    this.graphs = graphs;
    this.inputs = inputs;
    this.results = Results.of(kind, inputs.size());
    this.concurrency = limit(concurrency);
    this.running = kind == Kind.DISTRIBUTED_MAP ? null : new Frame[inputs.size()];
    this.frames = kind == Kind.DISTRIBUTED_MAP ? null : new Frame[inputs.size()];
    this.succeededChildren = new boolean[inputs.size()];
    this.childExecutions = run == null ? null : new MapRunChildren(this, run, inputs);
    this.plan = plan;
    this.run = run;
  }

  /** How many children run at once for this MaxConcurrency (0: no limit of its own). */
  private int limit(int maxConcurrency) {
    // AWS runs at most 40 inline Map iterations at once, whatever MaxConcurrency says
    int limit = kind == Kind.MAP ? INLINE_MAP_LIMIT : kind == Kind.DISTRIBUTED_MAP ? DISTRIBUTED_MAP_LIMIT : Integer.MAX_VALUE;
    return Math.min(Math.min(maxConcurrency <= 0 ? limit : maxConcurrency, limit), inputs.size());
  }

  static void parallel(Frame f, ParallelState p) {
    JsonNode in = Pipeline.inputPath(p.common().inputPath(), f.input, f);
    JsonNode effective = Pipeline.template(p.parameters(), in, f);
    f.exec.append(f, EventType.ParallelStateStarted, EventDetails.NONE);
    List<JsonNode> inputs = new ArrayList<>(p.branches().size());
    for (int i = 0; i < p.branches().size(); i++) {
      inputs.add(effective);
    }
    FanOut fan = new FanOut(f, Kind.PARALLEL, p.branches(), inputs, 0, null, null);
    fan.open();
  }

  static void map(Frame f, MapState m) {
    if (m.mode() == MapMode.DISTRIBUTED) {
      MapRun.start(f, m);
      return;
    }
    MapPlan plan = MapPlan.of(f, m);
    f.exec.append(f, EventType.MapStateStarted, new EventDetails.MapStateStarted(plan.inputs().size()));
    plan = plan.withLimits(m);
    // an iteration records at least its start, its end, and two events per state it passes
    f.exec.expectEvents((long) plan.inputs().size() * (2 + 2L * Math.min(4, m.processor().states().size())));
    new FanOut(f, Kind.MAP, List.of(m.processor()), plan.inputs(), plan.maxConcurrency(), plan, null).open();
  }

  /** A Distributed Map's children, once its run has its items. */
  static void distributed(Frame f, MapPlan plan, MapRun run) {
    MapState m = (MapState) f.state;
    FanOut fan = new FanOut(f, Kind.DISTRIBUTED_MAP, List.of(m.processor()), plan.inputs(), plan.maxConcurrency(), plan, run);
    run.childrenStarting(fan, plan.inputs());
    fan.open();
  }

  /**
   * UpdateMapRun changed a Distributed Map's settings: more children start at once if it may run
   * more, and failures it no longer tolerates fail the run now.
   */
  void settingsChanged(MapPlan updated) {
    plan = updated;
    concurrency = limit(updated.maxConcurrency());
    if (closed) {
      return;
    }
    if (failed > 0 && !plan.tolerates(failed, inputs.size())) {
      failRun(null, null);
      return;
    }
    while (nextChild < total() && active < concurrency) {
      startNext();
    }
  }

  private void open() {
    parent.lastFan = this;
    parent.children = this;
    parent.waiting = true;
    lastIterationEventId = parent.lastEventId;
    if (total() == 0) {
      finish();
      return;
    }
    for (int i = 0; i < Math.min(concurrency, total()); i++) {
      startNext();
    }
  }

  private int total() {
    return todo == null ? inputs.size() : todo.length;
  }

  private void startNext() {
    int i = todo == null ? nextChild++ : todo[nextChild++];
    if (kind == Kind.DISTRIBUTED_MAP) {
      startChildExecution(i);
      return;
    }
    long previous = kind == Kind.MAP ? lastIterationEventId : parent.lastEventId;
    Frame before = frames[i];
    if (before != null && before.state != null) {
      // a redrive: the child failed or was stopped, and goes on from where it was
      running[i] = before;
      active++;
      before.redrive(previous);
      return;
    }
    StateGraph g = kind == Kind.PARALLEL ? graphs.get(i) : graphs.get(0);
    Frame child = new Frame(parent.exec, g, this, i, new Variables(parent.vars), previous);
    running[i] = child;
    frames[i] = child;
    active++;
    JsonNode input = inputs.get(i);
    parent.exec.ready(() -> {
      if (closed || !child.live()) {
        return;
      }
      if (kind == Kind.MAP) {
        parent.exec.append(child, EventType.MapIterationStarted, new EventDetails.MapIteration(parent.state.name(), i));
      }
      child.begin(input);
    });
  }

  /** A Distributed Map child is a child execution of its own, with its own ARN and history (the parent's records nothing of it). */
  private void startChildExecution(int i) {
    active++;
    parent.exec.startChild(childExecutions.start(i));
  }

  /** A child execution ended, as its driver said. */
  void childExecutionEnded(PendingChild c, StepInput.ChildExecutionEnded ended) {
    if (closed) {
      return;
    }
    if (ended.redriveCount() < c.command.redriveCount()) {
      // the end of an attempt before the redrive asked for (it was still being stopped): ask again
      parent.exec.startChild(childExecutions.again(c));
      return;
    }
    childExecutions.ended(c.index());
    if (ended.status() == ExecutionStatus.SUCCEEDED) {
      succeededAt(c.index(), ended.output(), null);
    } else {
      String error = ended.error() != null ? ended.error()
          : ended.status() == ExecutionStatus.TIMED_OUT ? StatesErrors.TIMEOUT
          : ended.status() == ExecutionStatus.ABORTED ? "States.Aborted" : null;
      failedAt(c.index(), error, ended.cause(), null);
    }
  }

  void childSucceeded(Frame child, JsonNode output) {
    if (closed) {
      return;
    }
    running[child.index] = null;
    succeededAt(child.index, output, child);
  }

  private void succeededAt(int index, JsonNode output, Frame child) {
    active--;
    results.set(index, output);
    succeededChildren[index] = true;
    if (kind == Kind.MAP) {
      lastIterationEventId = child.lastEventId;
      parent.exec.append(child, EventType.MapIterationSucceeded, new EventDetails.MapIteration(parent.state.name(), child.index));
    }
    advance();
  }

  void childFailed(Frame child, String error, String cause) {
    if (closed) {
      return;
    }
    running[child.index] = null;
    failedAt(child.index, error, cause, child);
  }

  /** @param child the branch or iteration's frame; null for a child execution */
  private void failedAt(int index, String error, String cause, Frame child) {
    active--;
    failed++;
    if (run != null) {
      childExecutions.failed(index, error, cause);
    }
    EventType aborted = child == null || child.state == null ? null : abortedType(child.state.typeName());
    if (aborted != null) {
      // the state that failed never exited: AWS records it as aborted with its branch
      parent.exec.append(child, aborted, EventDetails.NONE);
    }
    if (kind == Kind.MAP) {
      lastIterationEventId = child.lastEventId;
      parent.exec.append(child, EventType.MapIterationFailed, new EventDetails.MapIteration(parent.state.name(), child.index));
    }
    if (plan != null && plan.tolerates(failed, inputs.size())) {
      results.set(index, errorOutput(error, cause));
      advance();
      return;
    }
    failRun(error, cause);
  }

  /** A failure more than the fan tolerates: the rest is stopped and the parent state fails. */
  private void failRun(String error, String cause) {
    closed = true;
    List<ChildRun> ended = run == null ? null : childRuns(); // before the running ones are aborted
    abortRunning();
    String[] failure = plan != null && kind == Kind.DISTRIBUTED_MAP ? plan.thresholdFailure() : new String[] {error, cause};
    this.failure = failure[0];
    if (run != null) {
      parent.children = null;
      run.childrenFailed(failure[0], failure[1], ended);
      return;
    }
    EventType failedEvent = kind == Kind.PARALLEL ? EventType.ParallelStateFailed : EventType.MapStateFailed;
    parent.children = null;
    parent.resume(() -> {
      parent.waiting = false;
      Failures.handle(parent, failure[0], failure[1], failedEvent);
    });
  }

  private static JsonNode errorOutput(String error, String cause) {
    var o = Json.NODES.objectNode();
    o.put("Error", error);
    o.put("Cause", cause);
    return o;
  }

  private void advance() {
    if (kind == Kind.DISTRIBUTED_MAP) {
      // UpdateMapRun may have lowered MaxConcurrency: a child starts only where one may run
      while (nextChild < total() && active < concurrency) {
        startNext();
      }
    } else if (nextChild < total()) {
      startNext();
    }
    if (nextChild >= total() && active == 0) {
      finish();
    }
  }

  private void finish() {
    closed = true;
    switch (kind) {
      case PARALLEL -> parent.exec.append(parent, EventType.ParallelStateSucceeded, EventDetails.NONE);
      case MAP -> {
        parent.lastEventId = lastIterationEventId;
        parent.exec.append(parent, EventType.MapStateSucceeded, EventDetails.NONE);
      }
      case DISTRIBUTED_MAP -> {
        // appended by the run, after its results are written
      }
    }
    parent.children = null;
    if (run != null) {
      // the results as one array only when the state's output is that array, not for a ResultWriter
      run.childrenSucceeded(this::resultArray, childRuns());
      return;
    }
    ArrayNode out = resultArray();
    parent.resume(() -> {
      parent.waiting = false;
      States.complete(parent, out);
    });
  }

  private ArrayNode resultArray() {
    ArrayNode out = Json.NODES.arrayNode(results.size());
    for (int i = 0; i < results.size(); i++) {
      out.add(results.get(i));
    }
    return out;
  }

  /** What became of each child so far (a Distributed Map's). */
  private List<ChildRun> childRuns() {
    return childExecutions.runs(results);
  }

  private void abortRunning() {
    if (childExecutions != null) {
      childExecutions.stopAll();
      return;
    }
    for (Frame f : running) {
      if (f != null && f.live()) {
        if (f.mapRun != null) {
          f.mapRun.abort(); // its MapRunAborted comes before the Map state's own abort
        }
        if (f.state != null && f.waiting && kind != Kind.DISTRIBUTED_MAP) {
          EventType aborted = abortedType(f.state.typeName());
          if (aborted != null) {
            parent.exec.append(f, aborted, EventDetails.NONE);
          }
        }
        if (kind == Kind.MAP) {
          parent.exec.append(f, EventType.MapIterationAborted, new EventDetails.MapIteration(parent.state.name(), f.index));
        }
        f.abort();
      }
    }
  }

  private static EventType abortedType(String stateType) {
    return switch (stateType) {
      case "Task" -> EventType.TaskStateAborted;
      case "Wait" -> EventType.WaitStateAborted;
      case "Parallel" -> EventType.ParallelStateAborted;
      case "Map" -> EventType.MapStateAborted;
      default -> null;
    };
  }

  /** Why the children that did not succeed cannot be redriven; null when they can. */
  String redriveRefusal() {
    if (frames == null) {
      return null; // a Distributed Map: its state refuses
    }
    for (int i = 0; i < frames.length; i++) {
      String reason = succeededChildren[i] || frames[i] == null ? null : frames[i].redriveRefusal();
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  /**
   * Redrive: the children that did not succeed run again (one that failed or was stopped goes on
   * from where it was; one never started starts), up to the same concurrency; the results of those
   * that succeeded are kept. False when the state is to run again whole instead: every child
   * succeeded (it failed on its own output), or it failed with States.DataLimitExceeded, as AWS
   * documents.
   */
  boolean redrive() {
    if (frames == null || StatesErrors.DATA_LIMIT_EXCEEDED.equals(failure)) {
      return false;
    }
    int[] again = java.util.stream.IntStream.range(0, inputs.size()).filter(i -> !succeededChildren[i]).toArray();
    if (again.length == 0) {
      return false;
    }
    todo = again;
    nextChild = 0;
    active = 0;
    failed = 0;
    failure = null;
    closed = false;
    java.util.Arrays.fill(running, null);
    parent.children = this;
    parent.waiting = true;
    lastIterationEventId = parent.lastEventId;
    for (int i = 0; i < Math.min(concurrency, again.length); i++) {
      startNext();
    }
    return true;
  }

  /**
   * A redrive of a Distributed Map's run: every child that did not succeed runs again, in order and
   * up to the run's concurrency (one that ran before is redriven, one never started starts), and
   * those that succeeded keep their results; failures count afresh against the tolerances. With
   * none to run again (the run failed writing its results) its results are written again.
   */
  void redriveRun() {
    todo = java.util.stream.IntStream.range(0, inputs.size()).filter(i -> !succeededChildren[i]).toArray();
    childExecutions.redriving(todo);
    nextChild = 0;
    active = 0;
    failed = 0;
    failure = null;
    closed = false;
    open();
  }

  /** DescribeMapRun's pendingRedrive: the children that ran before and that the run's redrive has not run again yet. */
  int pendingRedrive() {
    return childExecutions.pendingRedrive();
  }

  long pendingRedriveItems() {
    return childExecutions.pendingRedriveItems();
  }

  /** The execution ended or a parent failed: stop every child without events. */
  void abortAll() {
    closed = true;
    if (childExecutions != null) {
      childExecutions.stopAll();
      return;
    }
    for (Frame f : running) {
      if (f != null) {
        f.abort();
      }
    }
  }
}
