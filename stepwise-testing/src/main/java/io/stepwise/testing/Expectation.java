package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionStatus;
import java.util.List;

/**
 * What a case expects of its execution; a null field is not checked.
 *
 * @param status how it ends (never null once parsed: SUCCEEDED unless the case says otherwise)
 * @param output the output, equal as JSON (numbers by value, objects whatever their key order); a
 *     JSON null expects the output null, a Java null does not check it
 * @param error the error it fails with
 * @param cause the cause it fails with
 * @param states the names of the states entered, in the order of their StateEntered events
 * @param variables top-level variables at the end: each one named must hold the value given (others are not checked)
 */
public record Expectation(ExecutionStatus status, JsonNode output, String error, String cause, List<String> states, ObjectNode variables) {
  public Expectation {
    states = states == null ? null : List.copyOf(states);
  }

  /** Expects only the status. */
  public static Expectation status(ExecutionStatus status) {
    return new Expectation(status, null, null, null, null, null);
  }
}
