package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a case's {@code expect}: status, output, error, cause, states, variables. */
final class ExpectationParser {
  static final Set<String> KEYS = new LinkedHashSet<>(List.of("status", "output", "error", "cause", "states", "variables"));
  private static final String STATUSES =
      Arrays.stream(ExecutionStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

  private ExpectationParser() {}

  /**
   * The expectation at {@code at}; without {@code status} a case expects SUCCEEDED, or FAILED when
   * it names an error or a cause. Without {@code expect} at all, SUCCEEDED.
   */
  static Expectation parse(JsonNode node, String at, Fields f) {
    if (node == null) {
      return Expectation.status(ExecutionStatus.SUCCEEDED);
    }
    if (!f.object(node, at, "expect")) {
      return null;
    }
    f.onlyKeys(node, at, "expect", KEYS);
    String error = f.text(node, "error", at);
    String cause = f.text(node, "cause", at);
    String statusText = f.text(node, "status", at);
    ExecutionStatus status = error != null || cause != null ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED;
    if (statusText != null) {
      try {
        status = ExecutionStatus.valueOf(statusText);
      } catch (IllegalArgumentException e) {
        f.problem(at + "/status", "\"" + statusText + "\" is not an execution status (" + STATUSES + ")");
      }
    }
    List<String> states = null;
    JsonNode s = node.get("states");
    if (s != null) {
      if (!s.isArray()) {
        f.problem(at + "/states", "must be a list of state names, not " + Fields.kind(s));
      } else {
        states = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
          if (s.get(i).isTextual()) {
            states.add(s.get(i).asText());
          } else {
            f.problem(at + "/states/" + i, "must be a state name (a string), not " + Fields.kind(s.get(i)));
          }
        }
      }
    }
    ObjectNode variables = null;
    JsonNode v = node.get("variables");
    if (v != null && f.object(v, at + "/variables", "variables (variable name to value)")) {
      variables = (ObjectNode) v;
    }
    return new Expectation(status, node.get("output"), error, cause, states, variables);
  }
}
