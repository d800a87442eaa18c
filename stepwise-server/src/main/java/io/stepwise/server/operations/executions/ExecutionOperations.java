package io.stepwise.server.operations.executions;

import io.stepwise.server.protocol.Operation;
import java.util.List;

/** The operations on executions, their tasks and their Map Runs, and TestState (which runs one state on the same engine), over the durable runtime (Standard) and the engine (Express). */
public final class ExecutionOperations {
  private ExecutionOperations() {}

  public static List<Operation<?, ?>> all(Executions e) {
    return List.of(
        new StartExecution(e),
        new StartSyncExecution(e),
        new DescribeExecution(e),
        new DescribeStateMachineForExecution(e),
        new StopExecution(e),
        new RedriveExecution(e),
        new GetExecutionHistory(e),
        new ListExecutions(e),
        TaskAnswers.success(e),
        TaskAnswers.failure(e),
        TaskAnswers.heartbeat(e),
        new GetActivityTask(e),
        new io.stepwise.server.operations.mapruns.DescribeMapRun(e.store),
        new io.stepwise.server.operations.mapruns.ListMapRuns(e.store),
        new io.stepwise.server.operations.mapruns.UpdateMapRun(e.store, e.runtime),
        new io.stepwise.server.operations.teststate.TestState(e.engine));
  }
}
