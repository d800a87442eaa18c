package io.stepwise.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.run.Driver;
import io.stepwise.engine.run.EngineConfig;
import io.stepwise.engine.run.Ids;
import io.stepwise.engine.run.Runs;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskInvoker;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs state machine executions in memory. Build one with {@link #builder()}, register what
 * answers tasks (invokers by exact resource ARN, handlers for families of resources such as a
 * service's integrations, a fallback), then {@link #run} definitions loaded with
 * {@code StateMachineParser.parse}. An engine is thread-safe; each run is independent.
 */
public final class Engine implements AutoCloseable {
  /** AWS's limit on an execution's input: 256 KiB. */
  public static final int MAX_INPUT_BYTES = 256 * 1024;

  private final EngineConfig config;
  private final ExecutorService executor;
  private final Runs runs;

  private Engine(EngineConfig config) {
    this.config = config;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.runs = new Runs(config, executor);
  }

  /**
   * Adds an observer told the events of every step of the executions this engine starts in memory
   * from here on ({@link #start}, {@link #run}), after the step.
   */
  public void observe(io.stepwise.engine.run.StepObserver observer) {
    runs.observe(observer);
  }

  public static Builder builder() {
    return new Builder();
  }

  public EngineConfig config() {
    return config;
  }

  /** Runs one execution to its end and returns how it ended. */
  public ExecutionResult run(StateMachine machine, String inputJson, RunOptions options) {
    return run(machine, parseInput(inputJson), options, Driver.StepListener.NONE);
  }

  public ExecutionResult run(StateMachine machine, JsonNode input, RunOptions options) {
    return run(machine, input, options, Driver.StepListener.NONE);
  }

  /**
   * Runs one execution, telling the listener after every step; a listener that returns false
   * leaves the execution RUNNING at that point, as a crash would.
   */
  public ExecutionResult run(StateMachine machine, JsonNode input, RunOptions options, Driver.StepListener listener) {
    String name = options.executionName() != null ? options.executionName() : config.uuids().get();
    try {
      return runs.run(machine, input, options.withNames(options.stateMachineName(), name), listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running an execution", e);
    }
  }

  /**
   * Starts one execution in memory without waiting for it (StartExecution of an Express state
   * machine): its ARN and start time at once, its result when it ends.
   */
  public Started start(StateMachine machine, JsonNode input, RunOptions options) {
    String name = options.executionName() != null ? options.executionName() : config.uuids().get();
    return runs.start(machine, input, options.withNames(options.stateMachineName(), name));
  }

  /**
   * The step call: an execution that the caller advances itself, one {@code StepInput} at a
   * time (first {@code StepInput.Start}), each call returning the events it recorded and the
   * commands it wants carried out (call a task, set a timer, the end). {@link #run} is a driver
   * over the same calls. The caller stores each step before acting on its commands.
   */
  public io.stepwise.engine.run.Stepper stepper(StateMachine machine, JsonNode input, RunOptions options) {
    String name = options.executionName() != null ? options.executionName() : config.uuids().get();
    return runs.stepper(machine, input, options.withNames(options.stateMachineName(), name));
  }

  /**
   * Rebuilds an execution from what was stored of it, its record ({@link ExecutionResult#record()}
   * or {@code Stepper.record()}) and its history, and runs it on to its end. Nothing is taken from
   * the caller: the same ARN, names and type, so the same context object and randomness.
   */
  public ExecutionResult resume(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history) {
    return resume(machine, record, history, List.of());
  }

  /**
   * As {@link #resume(StateMachine, ExecutionRecord, List)}, for an execution whose Distributed
   * Maps had children: their ends as it received them ({@link ExecutionResult#childEndings()},
   * {@code Stepper.childEndings()}) are delivered again where they were. Children whose end is not
   * among them are started again, under the same ARNs.
   */
  public ExecutionResult resume(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history, List<ChildEnding> childEndings) {
    try {
      return runs.resume(machine, record, history, childEndings, Driver.StepListener.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resuming an execution", e);
    }
  }

  /**
   * RedriveExecution in memory: rebuilds an execution that ended FAILED, TIMED_OUT or ABORTED from
   * what was stored of it, redrives it (ExecutionRedriven, then the states that did not succeed,
   * again) and runs it on to its end. Refused with {@code StepRefusedException} and AWS's reason
   * when it cannot be redriven (see {@link RedriveRules}). A driver of its own redrives an ended
   * {@code Stepper} with {@code StepInput.Redrive}.
   */
  public ExecutionResult redrive(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history, List<ChildEnding> childEndings) {
    return redrive(machine, record, history, childEndings, List.of());
  }

  /**
   * As {@link #redrive(StateMachine, ExecutionRecord, List, List)}, for an execution whose
   * Distributed Map did not succeed: {@code children} are its Map Runs' children as they ended
   * ({@link ExecutionResult#children()}), so that the run's redrive redrives those that did not
   * succeed from their own histories (an Express one starts again) and keeps the others' results.
   */
  public ExecutionResult redrive(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history, List<ChildEnding> childEndings,
      List<ExecutionResult> children) {
    try {
      return runs.redrive(machine, record, history, childEndings, children, Driver.StepListener.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while redriving an execution", e);
    }
  }

  /**
   * Rebuilds an execution from what was stored of it (its record, its history, its children's
   * ends) without carrying anything out, for a driver of its own, such as a server that restarts
   * after a crash: the result holds the stepper and the commands still outstanding.
   */
  public Restored restore(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history, List<ChildEnding> childEndings) {
    return runs.restore(machine, record, history, childEndings);
  }

  /**
   * The child execution a step asked for ({@code Command.StartChildExecution}), ready for its
   * first step, as if started at {@code startMillis}: a driver of its own runs it and delivers its
   * end to the parent as {@code StepInput.ChildExecutionEnded}.
   */
  public io.stepwise.engine.run.Stepper stepper(io.stepwise.engine.step.Command.StartChildExecution child, long startMillis) {
    return runs.childStepper(child, startMillis);
  }

  /**
   * Carries out a task a step scheduled, with whatever is registered for it, and gives its
   * outcome as the input for the execution's next step ({@code TaskSucceeded} or
   * {@code TaskFailed}). It blocks while the task runs: call it on a thread of its own.
   */
  public io.stepwise.engine.step.StepInput invoke(io.stepwise.engine.step.Command.ScheduleTask task) {
    return runs.invoke(task);
  }

  /**
   * A task a step cancelled (it timed out, its branch or execution stopped): the handler that
   * answers its resource is asked to stop the work it started ({@code TaskHandler.cancel}). It may
   * block: call it on a thread of its own.
   */
  public void cancel(io.stepwise.engine.step.Command.CancelTask task) {
    runs.cancel(task);
  }

  /**
   * Whether anything registered answers the task. A callback or activity task that nothing
   * answers is not invoked: it waits for SendTaskSuccess (or a worker's GetActivityTask).
   */
  public boolean answers(io.stepwise.engine.step.Command.ScheduleTask task) {
    return runs.answers(task);
  }

  /** Parses execution input, rejecting malformed JSON and inputs over 256 KiB with a clear message. */
  public static JsonNode parseInput(String inputJson) {
    String text = inputJson == null || inputJson.isBlank() ? "{}" : inputJson;
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
      throw new IllegalArgumentException("Execution input is larger than the 256 KiB limit");
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Execution input is not valid JSON: " + Json.problem(e));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  public static final class Builder {
    private String region = "us-east-1";
    private String account = "123456789012";
    private InstantSource clock = InstantSource.system();
    private boolean fastTime;
    private final Map<String, TaskInvoker> invokers = new HashMap<>();
    private final List<TaskHandler> handlers = new ArrayList<>();
    private TaskInvoker fallback;
    private int payloadLimit = 256 * 1024;
    private java.util.function.Supplier<String> uuids = Ids::randomUuid;
    private io.stepwise.engine.mock.MockConfig mocks = io.stepwise.engine.mock.MockConfig.EMPTY;

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder account(String account) {
      this.account = account;
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** Wait states and retry back-off take no wall time. */
    public Builder fastTime(boolean fast) {
      this.fastTime = fast;
      return this;
    }

    /** A handler for a Task resource ARN (exact match). */
    public Builder invoker(String resourceArn, TaskInvoker invoker) {
      invokers.put(resourceArn, invoker);
      return this;
    }

    /**
     * A handler for a family of resources, such as the Lambda emulation of
     * {@code stepwise-integrations}. Handlers are asked in the order added, after the exact-ARN
     * {@link #invoker}s and before the {@link #fallback}; the first that handles a task runs it.
     */
    public Builder handler(TaskHandler handler) {
      handlers.add(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** The handler for resources that nothing else handles. */
    public Builder fallback(TaskInvoker invoker) {
      this.fallback = invoker;
      return this;
    }

    /**
     * The most bytes a task result, a task's input or a state's output may take: 256 KiB, as on
     * AWS, unless set. A larger limit lets through what AWS would fail with
     * States.DataLimitExceeded: for benchmarks and migrations, not for tests that should catch
     * what AWS refuses. {@code Integer.MAX_VALUE} turns the checks off, which saves measuring
     * every state's output. (Execution input is held to 256 KiB regardless, as StartExecution
     * holds it.)
     */
    /**
     * Where new executions' identifiers come from: the name of one started without a name, the
     * UUID at the end of an Express ARN. Random UUIDs unless set (tests pass a sequence).
     */
    public Builder uuids(java.util.function.Supplier<String> source) {
      this.uuids = java.util.Objects.requireNonNull(source, "uuids");
      return this;
    }

    public Builder payloadLimit(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("payloadLimit must be positive, was " + bytes);
      }
      this.payloadLimit = bytes;
      return this;
    }

    /**
     * The mock configuration (Step Functions Local's MockConfigFile) whose test cases executions
     * may run with ({@code RunOptions.withTestCase}, kept in the execution's record): a mocked
     * Task state is answered by its mocked response before any invoker or handler is asked.
     */
    public Builder mocks(io.stepwise.engine.mock.MockConfig config) {
      this.mocks = Objects.requireNonNull(config, "mocks");
      return this;
    }

    public Engine build() {
      return new Engine(new EngineConfig(region, account, clock, fastTime, invokers, handlers, fallback, payloadLimit, uuids, mocks));
    }
  }
}
