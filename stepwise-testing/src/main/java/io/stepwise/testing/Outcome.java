package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an execution did, as a case compares it: read from its result and history.
 *
 * @param states the names of the states entered, in the order of the history's StateEntered
 *     events (Parallel branches and Map iterations included, as recorded; not a Distributed Map's
 *     children, which are executions of their own)
 * @param variables the top-level variables at the end: each top-level state's StateExited
 *     {@code assignedVariables}, applied in history order (variables assigned inside a branch or
 *     an iteration are that scope's and end with it)
 * @param waitingFor when it is RUNNING because nothing will answer what it waits for, what that is
 */
public record Outcome(
    ExecutionStatus status, JsonNode output, String error, String cause, List<String> states, ObjectNode variables, String waitingFor,
    ExecutionResult result) {

  public static Outcome of(ExecutionResult result, StateMachine machine) {
    Set<String> topLevel = StateNames.topLevel(machine);
    List<String> states = new ArrayList<>();
    ObjectNode variables = Json.NODES.objectNode();
    for (HistoryEvent e : result.events()) {
      if (e.details() instanceof EventDetails.StateEntered entered) {
        states.add(entered.name());
      } else if (e.details() instanceof EventDetails.StateExited exited && exited.assignedVariables() != null
          && topLevel.contains(exited.name())) {
        for (Map.Entry<String, JsonNode> v : exited.assignedVariables().properties()) {
          variables.set(v.getKey(), v.getValue());
        }
      }
    }
    return new Outcome(result.status(), result.output(), result.error(), result.cause(), List.copyOf(states), variables,
        result.waitingFor(), result);
  }
}
