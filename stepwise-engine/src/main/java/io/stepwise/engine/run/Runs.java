package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Starts, resumes and drives executions for the public {@code Engine}. */
public final class Runs {
  private final EngineConfig config;
  private final Invocations invocations;
  private final ExecutorService executor;

  public Runs(EngineConfig config, ExecutorService executor) {
    this.config = config;
    this.invocations = new Invocations(config);
    this.executor = executor;
  }

  private final List<StepObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds an observer told the events of every step of the executions started from here on in memory. */
  public void observe(StepObserver observer) {
    observers.add(java.util.Objects.requireNonNull(observer, "observer"));
  }

  /** The listener that tells the observers each step's new events, then asks the caller's. */
  private Driver.StepListener observed(Execution exec, Driver.StepListener listener) {
    if (observers.isEmpty()) {
      return listener;
    }
    int[] told = {0};
    return eventCount -> {
      if (eventCount > told[0]) {
        List<HistoryEvent> events = List.copyOf(exec.events.subList(told[0], eventCount));
        told[0] = eventCount;
        for (StepObserver o : observers) {
          try {
            o.stepped(exec.info.executionArn, events, exec.info.redriveCount());
          } catch (RuntimeException e) {
            System.getLogger(Runs.class.getName()).log(System.Logger.Level.WARNING,
                "An observer of the steps of " + exec.info.executionArn + " failed: " + e);
          }
        }
      }
      return listener.afterStep(eventCount);
    };
  }

  public ExecutionResult run(
      StateMachine machine, JsonNode input, RunOptions options, Driver.StepListener listener)
      throws InterruptedException {
    Execution exec = new Execution(machine, config, info(machine, options, input, config.clock().millis()), null);
    Driver driver = new Driver(exec, invocations, executor).listener(observed(exec, listener));
    driver.run();
    return result(exec, driver.children(), exec.childEndings(), driver.childrenStuck());
  }

  /** Starts an execution in memory and runs it on the executor; its ARN is known at once, its result when it ends. */
  public io.stepwise.engine.Started start(StateMachine machine, JsonNode input, RunOptions options) {
    Execution exec = new Execution(machine, config, info(machine, options, input, config.clock().millis()), null);
    Driver driver = new Driver(exec, invocations, executor).listener(observed(exec, Driver.StepListener.NONE));
    java.util.concurrent.CompletableFuture<ExecutionResult> done = new java.util.concurrent.CompletableFuture<>();
    executor.execute(() -> {
      try {
        driver.run();
        done.complete(result(exec, driver.children(), exec.childEndings(), driver.childrenStuck()));
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    return new io.stepwise.engine.Started(exec.info.executionArn, exec.info.startTime, done);
  }

  /** An execution ready for its first step ({@code StepInput.Start}), driven by the caller. */
  public Stepper stepper(StateMachine machine, JsonNode input, RunOptions options) {
    return new Stepper(new Execution(machine, config, info(machine, options, input, config.clock().millis()), null));
  }

  /** A Distributed Map's child execution, ready for its first step, started at {@code startMillis}. */
  public Stepper childStepper(io.stepwise.engine.step.Command.StartChildExecution c, long startMillis) {
    return new Stepper(new Execution(c.machine(), config, new ExecutionInfo(c.record(), c.roleArn(), c.input(), startMillis), null));
  }

  /** Calls whatever answers the task (a registered invoker or handler) and gives its outcome as the next input. Blocks. */
  public io.stepwise.engine.step.StepInput invoke(io.stepwise.engine.step.Command.ScheduleTask task) {
    return Driver.outcome(invocations.invoke(task));
  }

  /** Asks whatever answers the cancelled task to stop its work. May block. */
  public void cancel(io.stepwise.engine.step.Command.CancelTask task) {
    invocations.cancel(task);
  }

  /** Whether anything registered answers the task; a callback or activity task nothing answers waits for a caller outside. */
  public boolean answers(io.stepwise.engine.step.Command.ScheduleTask task) {
    return invocations.answers(task);
  }

  /** Rebuilds an execution from its record and history alone, as they were stored, and drives it on to its end. */
  public ExecutionResult resume(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history,
      List<ChildEnding> childEndings, Driver.StepListener listener) throws InterruptedException {
    Execution exec = restored(machine, record, history);
    Driver driver = new Driver(exec, invocations, executor).recordedEndings(childEndings).listener(listener);
    driver.run();
    return result(exec, driver.children(), exec.childEndings(), driver.childrenStuck());
  }

  /**
   * Rebuilds an ended execution from its record and history, redrives it, and drives it on to its
   * end; {@code children} are its Distributed Maps' children as they ended (what a redrive of
   * their Map Runs redrives).
   */
  public ExecutionResult redrive(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history,
      List<ChildEnding> childEndings, List<ExecutionResult> children, Driver.StepListener listener) throws InterruptedException {
    Execution exec = restored(machine, record, history);
    Driver driver = new Driver(exec, invocations, executor).recordedEndings(childEndings).earlierChildren(children).listener(listener)
        .redriveAfterReplay();
    driver.run();
    return result(exec, driver.children(), exec.childEndings(), driver.childrenStuck());
  }

  /** Rebuilds an execution from what was stored of it, to be driven on by the caller. */
  public io.stepwise.engine.Restored restore(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history,
      List<ChildEnding> childEndings) {
    Execution exec = restored(machine, record, history);
    Driver driver = new Driver(exec, invocations, executor).recordedEndings(childEndings);
    io.stepwise.engine.step.Step left = driver.restore(history.size());
    return new io.stepwise.engine.Restored(driver.stepper(), left);
  }

  private Execution restored(StateMachine machine, ExecutionRecord record, List<HistoryEvent> history) {
    return restored(config, machine, record, history);
  }

  /** An execution rebuilt from its record and history, to be replayed by a driver. */
  static Execution restored(EngineConfig config, StateMachine machine, ExecutionRecord record, List<HistoryEvent> history) {
    if (!machine.definitionSha256().equals(record.definitionSha256())) {
      throw new IllegalArgumentException("The execution " + record.executionArn() + " runs the definition with SHA-256 "
          + record.definitionSha256() + ", not this one (" + machine.definitionSha256() + "): an execution is resumed only under its own definition");
    }
    if (history.isEmpty() || history.get(0).type() != EventType.ExecutionStarted) {
      throw new IllegalArgumentException("A history to resume must begin with ExecutionStarted");
    }
    HistoryEvent first = history.get(0);
    EventDetails.ExecutionStarted started = (EventDetails.ExecutionStarted) first.details();
    ExecutionInfo info = new ExecutionInfo(record, started.roleArn(), started.input(), first.timestamp(),
        started.stateMachineVersionArn(), started.stateMachineAliasArn());
    return new Execution(machine, config, info, new Replay(history));
  }

  private ExecutionInfo info(StateMachine machine, RunOptions options, JsonNode input, long start) {
    String machineName = options.stateMachineName();
    String executionName = options.executionName();
    ExecutionType type = options.type();
    String prefix = "arn:aws:states:" + config.region() + ":" + config.account();
    String arn = type == ExecutionType.EXPRESS
        ? prefix + ":express:" + machineName + ":" + executionName + ":" + config.uuids().get()
        : prefix + ":execution:" + machineName + ":" + executionName;
    String testCase = options.testCase();
    if (testCase != null && config.mocks().testCase(machineName, testCase).isEmpty()) {
      throw new IllegalArgumentException(config.mocks().hasStateMachine(machineName)
          ? "The mock configuration has no test case '" + testCase + "' for the state machine '" + machineName + "'"
          : "The mock configuration has no state machine '" + machineName + "' (asked for its test case '" + testCase + "')");
    }
    ExecutionRecord record = new ExecutionRecord(arn, executionName, config.stateMachineArn(machineName), machineName, type,
        options.synchronous(), config.payloadLimit(), machine.definitionSha256(), testCase);
    return new ExecutionInfo(record, options.roleArn(), input, start, options.versionArn(), options.aliasArn());
  }

  static ExecutionResult result(Execution exec, List<ExecutionResult> children, List<ChildEnding> childEndings, String childrenStuck) {
    ExecutionStatus status = exec.status;
    String waitingFor = null;
    if (status == ExecutionStatus.RUNNING) {
      String own = exec.waitingFor();
      waitingFor = own == null ? childrenStuck : childrenStuck == null ? own : own + "; " + childrenStuck;
    }
    return new ExecutionResult(
        status,
        status == ExecutionStatus.SUCCEEDED ? exec.output : null,
        exec.error,
        exec.cause,
        exec.info.executionArn,
        java.util.Collections.unmodifiableList(exec.events),
        waitingFor,
        exec.info.record(),
        children,
        childEndings);
  }
}
