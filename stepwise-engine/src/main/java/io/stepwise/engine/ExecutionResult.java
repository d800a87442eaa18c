package io.stepwise.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.engine.history.HistoryEvent;
import java.util.List;

/**
 * How an execution ended.
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT, ABORTED (or RUNNING when it could not finish)
 * @param output the output when SUCCEEDED, else null
 * @param error the error name when FAILED or TIMED_OUT, else null (may be null for a Fail state without Error)
 * @param cause the cause, likewise
 * @param executionArn the execution's ARN
 * @param events the history, in order
 * @param waitingFor when RUNNING because it cannot go on, what it waits for (a callback nothing
 *     will send), else null
 * @param record what identifies the execution beyond its history: store it with the history to
 *     resume it ({@code Engine.resume(machine, record, events, childEndings)})
 * @param children the child executions of its Distributed Maps, each with its own record and
 *     history, in the order they ended (the in-memory driver's; a server keeps them as executions)
 * @param childEndings when each child's end reached the execution: store them with the history,
 *     since AWS's history of the parent records nothing of its children
 */
public record ExecutionResult(
    ExecutionStatus status,
    JsonNode output,
    String error,
    String cause,
    String executionArn,
    List<HistoryEvent> events,
    String waitingFor,
    ExecutionRecord record,
    List<ExecutionResult> children,
    List<ChildEnding> childEndings) {

  /** A result without a record or children (one that cannot be resumed, as in tests). */
  public ExecutionResult(
      ExecutionStatus status, JsonNode output, String error, String cause, String executionArn, List<HistoryEvent> events,
      String waitingFor) {
    this(status, output, error, cause, executionArn, events, waitingFor, null, List.of(), List.of());
  }

  /** The history as GetExecutionHistory returns it: a list of event objects. */
  public ArrayNode historyJson() {
    return io.stepwise.engine.history.HistoryJson.toJson(events);
  }
}
