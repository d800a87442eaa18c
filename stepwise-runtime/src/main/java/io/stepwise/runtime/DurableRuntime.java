package io.stepwise.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.Restored;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.CommitQueueFullException;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.GroupCommitter;
import io.stepwise.store.NewExecution;
import io.stepwise.store.StepWrite;
import io.stepwise.store.Store;
import io.stepwise.store.TokenRow;
import io.stepwise.store.Write;
import io.stepwise.store.WriteResult;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable Standard executions on a store. Each execution is an {@link ExecutionActor}; a step's
 * events and commands are group-committed with other executions' before anything is carried out
 * (tasks invoked on virtual threads, timers set, activity tasks offered to workers, children
 * started), so a crash loses nothing that was acknowledged: the stored timers are read back as
 * they come due ({@link TimerService}), and {@link #recover()} offers the stored activity tasks,
 * invokes again the tasks whose outcome was not stored (task invocations are at least once; state
 * transitions exactly once) and takes up the work rows. An execution that only waits is rows in
 * the store, not an object in memory.
 */
public final class DurableRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DurableRuntime.class);
  /** Timers due within this are held in memory; later ones stay rows until they come near (TimerService). */
  static final long TIMER_HORIZON_MILLIS = 30_000;
  static final int TIMER_BATCH = 10_000;

  private final Engine engine;
  private final Store store;
  private final Machines machines;
  private final InstantSource clock;
  private final GroupCommitter committer;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, ExecutionActor> actors = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> tasksInFlight = new ConcurrentHashMap<>();
  /** Distributed Map children started by this runtime, to their parent (for telling it their end). */
  final Map<String, String> parents = new ConcurrentHashMap<>();
  private final Children children = new Children(this);
  private final TimerService timers;
  private boolean evictWaiting = true;
  final ActivityQueues activities = new ActivityQueues();
  private final Redriver redriver;
  final RuntimeStats stats;

  /**
   * @param commitQueue the most writes waiting for the store before new work is refused (OVERLOADED)
   * @param maxBatch the most writes in one group commit
   */
  public DurableRuntime(Engine engine, Store store, Machines machines, InstantSource clock, int commitQueue, int maxBatch) {
    this(engine, store, machines, clock, commitQueue, maxBatch, TIMER_HORIZON_MILLIS);
  }

  /** With the timers' horizon given (tests). */
  DurableRuntime(Engine engine, Store store, Machines machines, InstantSource clock, int commitQueue, int maxBatch, long timerHorizonMillis) {
    this.engine = engine;
    this.store = store;
    this.machines = machines;
    this.clock = clock;
    this.committer = new GroupCommitter(store, commitQueue, maxBatch, executor);
    this.stats = new RuntimeStats(store, committer, clock);
    this.timers = new TimerService(clock, (arn, id) -> deliver(arn, new StepInput.TimerFired(id)), store::timersDue,
        timerHorizonMillis, TIMER_BATCH);
    timers.start();
    this.redriver = new Redriver(store, clock, arn -> await(offer(arn, new StepInput.Redrive())));
  }

  /** What StartExecution answers. */
  public record Started(String executionArn, long startDate, boolean existed) {}

  /**
   * Starts a STANDARD execution: its row and first step are stored before this returns. A second
   * start under the same name with the same input while it runs returns the first (AWS's
   * idempotency); anything else under a name taken is {@code EXECUTION_ALREADY_EXISTS}.
   */
  public Started start(StateMachine machine, RunOptions options, JsonNode input) {
    return start(machine, options, input, null);
  }

  /**
   * As {@link #start(StateMachine, RunOptions, JsonNode)}, keeping {@code revision} with the
   * execution's row ({@link NewExecution#revision()}); its Distributed Map children keep the same.
   */
  public Started start(StateMachine machine, RunOptions options, JsonNode input, String revision) {
    machines.register(machine);
    Stepper stepper = engine.stepper(machine, input, options).storesInputsItself();
    String arn = stepper.executionArn();
    // No read first: most starts are new, and the insert itself refuses a name taken (then read)
    if (actors.containsKey(arn)) {
      Optional<ExecutionRow> existing = store.execution(arn);
      if (existing.isPresent()) {
        return idempotent(existing.get(), input);
      }
    }
    Step first = stats.step(stepper, new StepInput.Start());
    long startDate = first.events().get(0).timestamp();
    StepWrite w = StepWrite.of(arn, 0, new StepInput.Start(), first);
    NewExecution created = new NewExecution(stepper.record(), options.versionArn(), options.aliasArn(), null, options.roleArn(),
        Json.write(input), startDate, w, revision);
    WriteResult r = commit(created);
    if (!r.committed()) {
      return idempotent(store.execution(arn).orElseThrow(() -> new Refusal(Refusal.Kind.EXECUTION_ALREADY_EXISTS, r.toString())), input);
    }
    keep(arn, stepper, first, ((WriteResult.Committed) r).events());
    carryOut(arn, first, stepper);
    return new Started(arn, startDate, false);
  }

  private static Started idempotent(ExecutionRow row, JsonNode input) {
    boolean same = row.status() == ExecutionStatus.RUNNING && sameJson(row.input(), input);
    if (!same) {
      throw new Refusal(Refusal.Kind.EXECUTION_ALREADY_EXISTS, "Execution Already Exists: '" + row.executionArn() + "'");
    }
    return new Started(row.executionArn(), row.startDate(), true);
  }

  private static boolean sameJson(String stored, JsonNode given) {
    try {
      return Json.parse(stored).equals(given);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** StopExecution: ABORTED with the caller's error and cause, stored before this returns; the stop date. */
  public long stop(String executionArn, String error, String cause) {
    Step s = await(offer(executionArn, new StepInput.Stop(error, cause)));
    return s.events().isEmpty() ? clock.millis() : s.events().get(s.events().size() - 1).timestamp();
  }

  /**
   * RedriveExecution: the ended execution goes on from the states that did not succeed, RUNNING
   * again; the redrive step is stored before this returns. Returns the redrive date; the same date
   * again for a client token that redrove it within the last 15 minutes (one of its last 10).
   * Refused with {@code NOT_REDRIVABLE} and AWS's reason when it cannot be redriven (see
   * {@code RedriveRules}), and so is a Distributed Map's child: its Map Run redrives it.
   *
   * @param clientToken the caller's idempotency token; null for none
   */
  public long redrive(String executionArn, String clientToken) {
    return redriver.redrive(executionArn, clientToken);
  }

  /**
   * UpdateMapRun: the running Map Run of this execution takes the settings given (null leaves one
   * as it is), stored before this returns. Refused ({@link Refusal.Kind#EXECUTION_ENDED},
   * {@link Refusal.Kind#REFUSED_BY_EXECUTION}) when the execution or the run has ended.
   */
  public void updateMapRun(String executionArn, StepInput.UpdateMapRun update) {
    await(offer(executionArn, update));
  }

  /** SendTaskSuccess. */
  public void sendSuccess(String taskToken, JsonNode output) {
    await(offer(afterItsHandler(taskToken), new StepInput.CallbackSucceeded(taskToken, output)));
  }

  /** SendTaskFailure. */
  public void sendFailure(String taskToken, String error, String cause) {
    await(offer(afterItsHandler(taskToken), new StepInput.CallbackFailed(taskToken, error, cause)));
  }

  /** SendTaskHeartbeat. */
  public void heartbeat(String taskToken) {
    await(offer(afterItsHandler(taskToken), new StepInput.Heartbeat(taskToken)));
  }

  /**
   * The execution a token's callback goes to, once the handler that hands its task on (an SQS
   * send carrying the token) has returned: a worker can answer the message before the send
   * returns, and its callback must not overtake the TaskSubmitted the handler's answer records.
   * The handler's outcome is queued before its future completes, so waiting for the future keeps
   * the two in order.
   */
  private String afterItsHandler(String taskToken) {
    TokenRow row = store.taskToken(taskToken).orElseThrow(() -> new Refusal(Refusal.Kind.TASK_DOES_NOT_EXIST,
        "Task Does Not Exist: no task waits for the token '" + taskToken + "'"));
    Future<?> handler = tasksInFlight.get(row.executionArn() + "#" + row.scheduledEventId());
    if (handler != null) {
      try {
        handler.get(HANDLER_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | java.util.concurrent.CancellationException | java.util.concurrent.TimeoutException e) {
        // it failed, was cancelled, or is slow: the callback goes on as it is
      }
    }
    return row.executionArn();
  }

  /**
   * How long a callback waits for the handler of its task to return: an SQS or SNS send takes
   * milliseconds; a handler that sends its own callback before it returns (a function calling
   * SendTaskSuccess and then returning) waits on this one, which is why the wait is short.
   */
  private static final long HANDLER_WAIT_MILLIS = 2_000;

  /** A task a worker took with GetActivityTask. */
  public record ActivityTask(String taskToken, String input) {}

  /**
   * GetActivityTask: the oldest task of the activity that no worker has taken, waiting up to
   * {@code waitMillis} for one; empty if none came. Its ActivityStarted (with the worker's name) is
   * stored before it is handed out.
   */
  public Optional<ActivityTask> pollActivity(String activityArn, String workerName, long waitMillis) throws InterruptedException {
    long deadline = clock.millis() + waitMillis;
    while (true) {
      long left = deadline - clock.millis();
      ActivityQueues.Offer o = activities.take(activityArn, Math.max(0, left));
      if (o == null) {
        return Optional.empty();
      }
      try {
        await(offer(o.executionArn(), new StepInput.ActivityStarted(o.taskToken(), workerName)));
        return Optional.of(new ActivityTask(o.taskToken(), o.input()));
      } catch (Refusal r) {
        // the task ended while it waited (timed out, the execution stopped): hand out the next
        if (left <= 0) {
          return Optional.empty();
        }
      }
    }
  }

  /**
   * After a start: offers the stored activity tasks no worker took, invokes again every task
   * whose outcome is not stored, and takes up the work rows ({@link Recovery}). The stored timers
   * need nothing: the timer service reads those due soon from the store, from the start.
   * Executions themselves are rebuilt from their histories only when they next have input.
   */
  public void recover() {
    new Recovery(this, store).run();
  }

  // ---- for the actors

  ExecutorService executor() {
    return executor;
  }

  Engine engine() {
    return engine;
  }

  public InstantSource clock() {
    return clock;
  }

  Store store() {
    return store;
  }

  WriteResult commit(Write w) {
    return await(submit(w), w.executionArn());
  }

  /** Queues the write for the next group commit without waiting for it (see {@link #await}). */
  CompletableFuture<WriteResult> submit(Write w) {
    try {
      return committer.submit(w);
    } catch (CommitQueueFullException full) {
      throw new Refusal(Refusal.Kind.OVERLOADED, full.getMessage());
    }
  }

  /** What became of a submitted write, once its commit returned. */
  WriteResult await(CompletableFuture<WriteResult> submitted, String executionArn) {
    try {
      return submitted.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing a step of " + executionArn, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  Restored restore(ExecutionRow row) {
    StateMachine machine = machines.byDigest(row.record().definitionSha256()).orElseThrow(() -> new Refusal(
        Refusal.Kind.DEFINITION_MISSING, "The definition " + row.record().definitionSha256() + " that " + row.executionArn() + " runs is not stored"));
    Restored r = engine.restore(machine, row.record(), store.history(row.executionArn()), store.childEndings(row.executionArn()));
    r.stepper().storesInputsItself();
    return r;
  }

  /**
   * What a restored execution still had to do that the store's rows do not hold: work left, and
   * the children it waits for: one not created is started, one a redrive of its run asked for is
   * redriven unless that was done ({@link Children#redrive}), a running one is linked to it, and
   * the end of one that ended is delivered.
   */
  void resumeOutstanding(String executionArn, Step outstanding) {
    List<Command.StartChildExecution> toStart = new ArrayList<>();
    for (Command c : outstanding.commands()) {
      switch (c) {
        case Command.Continue k -> deliver(executionArn, new StepInput.Continue());
        case Command.StartChildExecution child -> {
          Optional<ExecutionRow> row = child.again() ? Optional.empty() : store.execution(child.record().executionArn());
          if (child.again() || row.isEmpty()) {
            toStart.add(child);
          } else if (row.get().status() == ExecutionStatus.RUNNING) {
            parents.put(child.record().executionArn(), executionArn);
          } else {
            deliver(executionArn, Recovery.ended(row.get()));
          }
        }
        default -> { } // tasks, timers and activity tasks are set again from their rows by recover()
      }
    }
    children.startAll(executionArn, toStart);
  }

  /**
   * An execution just stored with its first step: kept in memory with its stepper when it has
   * work there (a task to invoke, work left, children to start); one that only waits (a timer, a
   * callback, a worker) is left to the store, and rebuilt when its input comes.
   */
  void keep(String arn, Stepper stepper, Step first, long events) {
    if (!evictWaiting || first.commands().stream().anyMatch(DurableRuntime::needsMemory)) {
      actors.put(arn, new ExecutionActor(arn, this, stepper, events));
    }
  }

  private static boolean needsMemory(Command c) {
    return switch (c) {
      case Command.ScheduleTask t -> t.isMocked() || !t.isActivity() && !t.isCallback();
      case Command.Continue k -> true;
      case Command.StartChildExecution k -> true;
      default -> false;
    };
  }

  /** Carries out a stored step's commands. */
  void carryOut(String executionArn, Step step, Stepper stepper) {
    tellStored(executionArn, step, stepper);
    List<Command.StartChildExecution> toStart = new ArrayList<>();
    for (Command c : step.commands()) {
      switch (c) {
        case Command.ScheduleTask t -> {
          if (t.isActivity() && !t.isMocked()) { // a mocked activity is answered by its mock, like any task
            activities.offer(t.resource().arn(), new ActivityQueues.Offer(executionArn, t.request().taskToken(), Json.write(t.request().input())));
          } else if (!t.waitsForCallback() || engine.answers(t)) {
            dispatch(executionArn, t);
          }
        }
        case Command.CancelTask t -> {
          Future<?> f = tasksInFlight.remove(executionArn + "#" + t.scheduledEventId());
          if (f != null) {
            f.cancel(true);
          }
          executor.execute(() -> cancelled(executionArn, t));
        }
        case Command.StartTimer t -> timers.set(executionArn, t.timerId(), t.due());
        case Command.CancelTimer t -> timers.cancel(executionArn, t.timerId());
        case Command.StartChildExecution child -> toStart.add(child);
        case Command.StopChildExecution stop -> deliver(stop.executionArn(), new StepInput.Stop(null, null));
        case Command.Continue k -> deliver(executionArn, new StepInput.Continue());
        case Command.PutMapRun p -> { } // stored with the step, as the run's row
        case Command.Finish f -> finished(executionArn, f.status(), step, stepper);
      }
    }
    children.startAll(executionArn, toStart);
  }

  /** A task's handler is asked to stop its work (a nested execution's child is stopped), off the commit path. */
  private void cancelled(String executionArn, Command.CancelTask t) {
    try {
      engine.cancel(t);
    } catch (RuntimeException e) {
      log.warn("Stopping the work of the task {} of {} failed: {}", t.scheduledEventId(), executionArn, e.toString());
    }
  }

  void dispatch(String executionArn, Command.ScheduleTask t) {
    String key = executionArn + "#" + t.scheduledEventId();
    ExecutionActor actor = actors.computeIfAbsent(executionArn, a -> new ExecutionActor(a, this));
    actor.invoking.incrementAndGet();
    // registered before it can run, and left registered until its outcome is queued: a callback
    // for its token waits for it (afterItsHandler), and CancelTask interrupts it
    java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
      try {
        StepInput outcome;
        try {
          outcome = engine.invoke(t);
        } finally {
          actor.invoking.decrementAndGet();
        }
        deliver(executionArn, outcome);
      } finally {
        tasksInFlight.remove(key);
      }
    }, null);
    tasksInFlight.put(key, task);
    executor.execute(task);
  }

  private void finished(String executionArn, ExecutionStatus status, Step last, Stepper stepper) {
    // its timers went with the same step's CancelTimer commands: the engine cancels every one it set when it ends
    actors.remove(executionArn);
    children.ended(executionArn, status, last, stepper.redriveCount());
    for (java.util.function.Consumer<String> l : endListeners) {
      try {
        l.accept(executionArn);
      } catch (RuntimeException e) {
        log.warn("A listener for the end of {} failed: {}", executionArn, e.toString());
      }
    }
  }

  /** Told the events of each step once stored, before its commands are carried out: the console's live view, execution logs, metrics. */
  @FunctionalInterface
  public interface StepListener {
    /**
     * On the thread that stored the step, which must not be held up: a listener that does more
     * than note the events hands them on. The events are the step's, in order; never empty.
     */
    void stored(String executionArn, List<io.stepwise.engine.history.HistoryEvent> events, int redriveCount);
  }

  private final List<StepListener> stepListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a listener told every stored step's events (see {@link StepListener}). */
  public void onStored(StepListener listener) {
    stepListeners.add(listener);
  }

  private void tellStored(String executionArn, Step step, Stepper stepper) {
    if (stepListeners.isEmpty() || step.events().isEmpty()) {
      return;
    }
    for (StepListener l : stepListeners) {
      try {
        l.stored(executionArn, step.events(), stepper.redriveCount());
      } catch (RuntimeException e) {
        log.warn("A listener for the steps of {} failed: {}", executionArn, e.toString());
      }
    }
  }

  private final List<java.util.function.Consumer<String>> endListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Told the ARN of each execution that ends (its last step stored), on the thread that stored it:
   * a listener that does more than note it hands the work on. What a nested execution's parent
   * waits for ({@code states:startExecution.sync}).
   */
  public void onEnded(java.util.function.Consumer<String> listener) {
    endListeners.add(listener);
  }

  /** How many times an input that failed to step (not refused: a bug, memory running out) is offered again. */
  static final int DELIVERY_ATTEMPTS = 5;

  /**
   * Hands an input to the execution without waiting; a refusal (the execution ended, the task timed
   * out) is only logged. An input whose step failed otherwise (the stepper threw, or the JVM ran out
   * of memory while stepping) is not dropped: nothing of it was stored, so it is offered again after
   * 1, 2, 4 and 8 seconds, on the execution as stored, and only then given up with an error that
   * says a restart delivers it again (the child's end is in the store).
   */
  CompletableFuture<Step> deliver(String executionArn, StepInput input) {
    CompletableFuture<Step> stored = new CompletableFuture<>();
    deliver(executionArn, input, 1, stored);
    return stored;
  }

  private void deliver(String executionArn, StepInput input, int attempt, CompletableFuture<Step> stored) {
    offer(executionArn, input).whenComplete((s, e) -> {
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause == null) {
        stored.complete(s);
      } else if (cause instanceof Refusal || executor.isShutdown()) {
        stored.completeExceptionally(cause);
      } else if (attempt < DELIVERY_ATTEMPTS) {
        log.warn("{} could not take {} (attempt {} of {}), offering it again: {}", executionArn, input.getClass().getSimpleName(),
            attempt, DELIVERY_ATTEMPTS, cause.toString());
        CompletableFuture.delayedExecutor(1L << (attempt - 1), java.util.concurrent.TimeUnit.SECONDS).execute(() -> {
          if (executor.isShutdown()) {
            stored.completeExceptionally(cause);
          } else {
            deliver(executionArn, input, attempt + 1, stored);
          }
        });
      } else {
        log.error("{} could not take {} after {} attempts; it stays in the store and a restart delivers it again: {}",
            executionArn, input.getClass().getSimpleName(), DELIVERY_ATTEMPTS, cause.toString());
        stored.completeExceptionally(cause);
      }
    });
  }

  /**
   * Queues the input for the execution's actor, made if none is in memory. The input is put in
   * the mailbox under the map's lock for the ARN, the lock {@link #retireIfIdle} takes too, so no
   * input reaches an actor that has left the map.
   */
  CompletableFuture<Step> offer(String executionArn, StepInput input) {
    CompletableFuture<Step> reply = new CompletableFuture<>();
    boolean[] drain = new boolean[1];
    ExecutionActor actor = actors.compute(executionArn, (arn, current) -> {
      ExecutionActor a = current != null ? current : new ExecutionActor(arn, this);
      drain[0] = a.enqueue(input, reply);
      return a;
    });
    if (drain[0]) {
      executor.execute(actor::drain);
    }
    return reply;
  }

  /**
   * Drops the actor from memory if it holds nothing (no stepper, no input, no task being invoked):
   * its execution lives in the store until its next input makes a new one. True when dropped.
   */
  boolean retireIfIdle(ExecutionActor actor) {
    boolean[] retired = new boolean[1];
    actors.computeIfPresent(actor.executionArn, (arn, current) -> {
      if (current == actor && actor.idle()) {
        retired[0] = true;
        return null;
      }
      return current;
    });
    return retired[0];
  }

  private String byToken(String taskToken) {
    TokenRow row = store.taskToken(taskToken).orElseThrow(() -> new Refusal(Refusal.Kind.TASK_DOES_NOT_EXIST,
        "Task Does Not Exist: no task waits for the token '" + taskToken + "'"));
    return row.executionArn();
  }

  private static Step await(CompletableFuture<Step> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a step to be stored", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Whether an execution that waits (for a timer, a callback, a worker) is dropped from memory
   * and rebuilt from the store when it next has input (the default), so that waiting executions
   * cost store rows, not heap; off, each stays in memory until it ends.
   */
  public DurableRuntime evictWaiting(boolean evict) {
    this.evictWaiting = evict;
    return this;
  }

  boolean evictsWaiting() {
    return evictWaiting;
  }

  /** How many executions are in memory (for metrics and tests). */
  public int executionsInMemory() {
    return actors.size();
  }

  /** How many group commits ran, and how many writes they held (for metrics and benchmarks). */
  public long[] commitsAndWrites() {
    return new long[] {committer.commits(), committer.written(), committer.commitNanos()};
  }

  /** Queues, open executions, timers due, and a listener of each step's and commit's cost (for metrics). */
  public RuntimeStats stats() {
    return stats;
  }

  /** How many timers are set (for metrics and tests). */
  public int timersSet() {
    return timers.size();
  }

  @Override
  public void close() {
    timers.close();
    committer.close();
    executor.shutdownNow();
  }
}
