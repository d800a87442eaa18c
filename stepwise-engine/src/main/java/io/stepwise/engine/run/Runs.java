package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.StateMachine;
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

  public ExecutionResult run(
      StateMachine machine, JsonNode input, RunOptions options, Driver.StepListener listener)
      throws InterruptedException {
    long start = config.clock().millis();
    ExecutionInfo info = info(options, options.roleArn(), input, start);
    Execution exec = new Execution(machine, config, info, null);
    new Driver(exec, invocations, executor).listener(listener).run();
    return result(exec);
  }

  /** An execution ready for its first step ({@code StepInput.Start}), driven by the caller. */
  public Stepper stepper(StateMachine machine, JsonNode input, RunOptions options) {
    ExecutionInfo info = info(options, options.roleArn(), input, config.clock().millis());
    return new Stepper(new Execution(machine, config, info, null));
  }

  /** Rebuilds an execution from its recorded events alone and drives it on to its end. */
  public ExecutionResult resume(
      StateMachine machine, List<HistoryEvent> history, RunOptions options, Driver.StepListener listener)
      throws InterruptedException {
    HistoryEvent first = started(history);
    EventDetails.ExecutionStarted started = (EventDetails.ExecutionStarted) first.details();
    ExecutionInfo info = info(options, started.roleArn(), started.input(), first.timestamp());
    Execution exec = new Execution(machine, config, info, new Replay(history));
    new Driver(exec, invocations, executor).listener(listener).run();
    return result(exec);
  }

  /** Rebuilds an execution from its record and history alone, as they were stored, and drives it on to its end. */
  public ExecutionResult resume(StateMachine machine, io.stepwise.engine.ExecutionRecord record, List<HistoryEvent> history,
      Driver.StepListener listener) throws InterruptedException {
    HistoryEvent first = started(history);
    EventDetails.ExecutionStarted started = (EventDetails.ExecutionStarted) first.details();
    ExecutionInfo info = new ExecutionInfo(record.executionArn(), record.executionName(), record.stateMachineArn(),
        record.stateMachineName(), started.roleArn(), record.type(), record.synchronous(), started.input(), first.timestamp());
    Execution exec = new Execution(machine, config, info, new Replay(history));
    new Driver(exec, invocations, executor).listener(listener).run();
    return result(exec);
  }

  private static HistoryEvent started(List<HistoryEvent> history) {
    if (history.isEmpty() || history.get(0).type() != EventType.ExecutionStarted) {
      throw new IllegalArgumentException("A history to resume must begin with ExecutionStarted");
    }
    return history.get(0);
  }

  private ExecutionInfo info(RunOptions options, String roleArn, JsonNode input, long start) {
    String machineName = options.stateMachineName();
    String executionName = options.executionName();
    ExecutionType type = options.type();
    String machineArn = config.stateMachineArn(machineName);
    String arn = options.executionArn() != null
        ? options.executionArn()
        : type == ExecutionType.EXPRESS
            ? "arn:aws:states:" + config.region() + ":" + config.account() + ":express:" + machineName + ":" + executionName + ":" + Ids.uuid()
            : "arn:aws:states:" + config.region() + ":" + config.account() + ":execution:" + machineName + ":" + executionName;
    return new ExecutionInfo(arn, executionName, machineArn, machineName, roleArn, type, options.synchronous(), input, start);
  }

  private static ExecutionResult result(Execution exec) {
    ExecutionStatus status = exec.status;
    return new ExecutionResult(
        status,
        status == ExecutionStatus.SUCCEEDED ? exec.output : null,
        exec.error,
        exec.cause,
        exec.info.executionArn,
        java.util.Collections.unmodifiableList(exec.events),
        status == ExecutionStatus.RUNNING ? exec.waitingFor() : null,
        exec.info.record());
  }
}
