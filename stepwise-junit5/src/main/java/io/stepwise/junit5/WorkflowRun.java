package io.stepwise.junit5;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.testing.Comparison;
import io.stepwise.testing.Difference;
import io.stepwise.testing.JsonValues;
import io.stepwise.testing.Outcome;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * One execution that has ended, and assertions on it that say what differs: the field (or the
 * state), expected and actual JSON side by side, and how the run ended. A failed assertion throws
 * {@link AssertionFailedError} with both values, so an IDE can show them as a diff. Each assertion
 * returns the run, so they chain.
 */
public final class WorkflowRun {
  private final String machine;
  private final JsonNode input;
  private final Outcome outcome;

  WorkflowRun(String machine, JsonNode input, Outcome outcome) {
    this.machine = machine;
    this.input = input;
    this.outcome = outcome;
  }

  public ExecutionStatus status() {
    return outcome.status();
  }

  /** The output when it succeeded, else null. */
  public JsonNode output() {
    return outcome.output();
  }

  public String error() {
    return outcome.error();
  }

  public String cause() {
    return outcome.cause();
  }

  /** The names of the states entered, in the order of the history's StateEntered events. */
  public List<String> states() {
    return outcome.states();
  }

  /** The top-level variables at the end (from each top-level state's StateExited assignedVariables). */
  public ObjectNode variables() {
    return outcome.variables().deepCopy();
  }

  /** The whole result: the history, the record. */
  public ExecutionResult result() {
    return outcome.result();
  }

  public WorkflowRun assertStatus(ExecutionStatus expected) {
    if (outcome.status() != expected) {
      Difference d = Comparison.compare(new io.stepwise.testing.Expectation(expected, null, null, null, null, null), outcome).get(0);
      throw failure(d, expected.name(), outcome.status().name());
    }
    return this;
  }

  public WorkflowRun assertSucceeded() {
    return assertStatus(ExecutionStatus.SUCCEEDED);
  }

  /** It failed with this error and this cause. */
  public WorkflowRun assertFailed(String error, String cause) {
    assertFailed(error);
    if (!cause.equals(outcome.cause())) {
      throw failure(new Difference("cause", quote(cause), quote(outcome.cause()), null), cause, outcome.cause());
    }
    return this;
  }

  /** It failed with this error, whatever the cause. */
  public WorkflowRun assertFailed(String error) {
    assertStatus(ExecutionStatus.FAILED);
    if (!error.equals(outcome.error())) {
      throw failure(new Difference("error", quote(error), quote(outcome.error()), null), error, outcome.error());
    }
    return this;
  }

  /** The output equals this JSON (numbers by value, objects whatever their key order). */
  public WorkflowRun assertOutput(String expectedJson) {
    JsonNode expected = json(expectedJson, "assertOutput");
    Difference d = Comparison.json("output", expected, outcome.output());
    if (d != null) {
      throw failure(d, d.expected(), d.actual());
    }
    return this;
  }

  /** The states entered are exactly these, in this order. */
  public WorkflowRun assertStates(String... expected) {
    Difference d = Comparison.states(List.of(expected), outcome.states());
    if (d != null) {
      throw failure(d, d.expected(), d.actual());
    }
    return this;
  }

  /** The top-level variable holds this JSON value at the end. */
  public WorkflowRun assertVariable(String name, String expectedJson) {
    JsonNode expected = json(expectedJson, "assertVariable");
    JsonNode got = outcome.variables().get(name);
    Difference d = got == null
        ? new Difference("variables." + name, JsonValues.show(expected), "(none)", "no top-level state assigned $" + name)
        : Comparison.json("variables." + name, expected, got);
    if (d != null) {
      throw failure(d, d.expected(), d.actual());
    }
    return this;
  }

  /**
   * The state's output (its last StateExited, when it ran more than once) equals this JSON; a
   * state that never exited fails, naming the states that did.
   */
  public WorkflowRun assertStateOutput(String state, String expectedJson) {
    JsonNode expected = json(expectedJson, "assertStateOutput");
    JsonNode got = null;
    for (HistoryEvent e : outcome.result().events()) {
      if (e.details() instanceof EventDetails.StateExited x && x.name().equals(state)) {
        got = x.output();
      }
    }
    if (got == null) {
      throw failure(new Difference("the output of state \"" + state + "\"", JsonValues.show(expected), "(none)",
          "the state never exited"), JsonValues.show(expected), null);
    }
    Difference d = Comparison.json("the output of state \"" + state + "\"", expected, got);
    if (d != null) {
      throw failure(d, d.expected(), d.actual());
    }
    return this;
  }

  private AssertionFailedError failure(Difference d, Object expected, Object actual) {
    String message = d.text() + "\n" + about();
    return new AssertionFailedError(message, expected, actual);
  }

  /** How the run went, under the difference: what a reader wants before opening the history. */
  private String about() {
    StringBuilder b = new StringBuilder("the run of ").append(machine).append(" with input ").append(JsonValues.show(input))
        .append(" ended ").append(outcome.status());
    if (outcome.error() != null || outcome.cause() != null) {
      b.append(" (error ").append(quote(outcome.error())).append(", cause ").append(quote(outcome.cause())).append(')');
    }
    if (outcome.waitingFor() != null) {
      b.append(" (waiting: ").append(outcome.waitingFor()).append(')');
    }
    return b.append(" after the states ").append(String.join(" > ", outcome.states())).toString();
  }

  private static JsonNode json(String text, String where) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": the expected value is not JSON: " + Json.problem(e), e);
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : Json.write(Json.NODES.textNode(s));
  }
}
