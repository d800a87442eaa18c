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
 *     resume it ({@code Engine.resume(machine, record, events)})
 */
public record ExecutionResult(
    ExecutionStatus status,
    JsonNode output,
    String error,
    String cause,
    String executionArn,
    List<HistoryEvent> events,
    String waitingFor,
    ExecutionRecord record) {

  /** A result without a record (one that cannot be resumed by record, as in tests). */
  public ExecutionResult(
      ExecutionStatus status, JsonNode output, String error, String cause, String executionArn, List<HistoryEvent> events,
      String waitingFor) {
    this(status, output, error, cause, executionArn, events, waitingFor, null);
  }

  /** The history as GetExecutionHistory returns it: a list of event objects. */
  public ArrayNode historyJson() {
    return io.stepwise.engine.history.HistoryJson.toJson(events);
  }
}
