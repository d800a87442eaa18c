package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.asl.json.Json;
import io.stepwise.conformance.ConformanceRunner.CaseResult;
import io.stepwise.conformance.ConformanceRunner.Verdict;
import io.stepwise.engine.ExecutionResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compares an engine result with what AWS recorded, after {@link AsRecorded} runs the case's
 * normalization ops over our values: the status; for SUCCEEDED the output (as JSON, or as
 * text where the recording is not JSON); for FAILED and TIMED_OUT the error and the cause
 * (JSON causes compare as JSON); and, where the case records them, the history event types in
 * order (Parallel-branch events sorted as the recording sorted them when the case says so).
 * Placeholders in the recording match any text. The corpus run also compares the order of the
 * output's fields ({@link Aspect#FIELD_ORDER}), as AWS returned them.
 */
final class OutcomeComparison {
  private static final int VALUE_MAX = 120;

  /** What is compared besides the status, the output, the error and the cause. */
  enum Aspect {
    /** The history's event types, where the case records them. */
    EVENTS,
    /** The order of every object's fields in the output, as AWS returned them. */
    FIELD_ORDER
  }

  private OutcomeComparison() {}

  /** The comparison of a corpus run: with the events and the field order. */
  static CaseResult compare(ConformanceCase c, ExecutionResult r, long startNanos) {
    return compare(c, r, startNanos, EnumSet.of(Aspect.EVENTS, Aspect.FIELD_ORDER));
  }

  static CaseResult compare(ConformanceCase c, ExecutionResult r, long startNanos, Set<Aspect> aspects) {
    List<String> diffs = new ArrayList<>();
    List<String> details = new ArrayList<>();
    String ourStatus = r.status() == null ? null : r.status().name();
    List<String> ourEvents = r.events() == null ? null : r.events().stream().map(e -> e.type().name()).toList();

    if (!c.status().equals(ourStatus)) {
      String ctx =
          "FAILED".equals(ourStatus) || "TIMED_OUT".equals(ourStatus)
              ? " (" + r.error() + ": " + Normalizer.abbreviate(r.cause(), 160) + ")"
              : r.output() != null ? " (output " + Normalizer.abbreviate(Json.write(r.output()), 120) + ")" : "";
      diffs.add("status: expected " + c.status() + ", got " + ourStatus + ctx);
      details.add("status: expected " + c.status() + ", got " + ourStatus + "\n  error: " + r.error() + "\n  cause: " + r.cause()
          + "\n  output: " + (r.output() == null ? null : Json.write(r.output())));
    } else if ("SUCCEEDED".equals(ourStatus)) {
      compareOutput(c, r, aspects.contains(Aspect.FIELD_ORDER), diffs, details);
    } else {
      compareFailure(c, r, diffs, details);
    }
    if (aspects.contains(Aspect.EVENTS) && c.events() != null) {
      List<String> types = AsRecorded.eventTypesForComparison(c, r, ourEvents);
      if (!c.events().equals(types)) {
        String d = eventsDifference(c.events(), types);
        diffs.add("events: " + d);
        details.add("events: " + d + "\n  expected: " + c.events() + "\n  actual:   " + types);
      }
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    if (diffs.isEmpty()) {
      return new CaseResult(c.id(), c.mode(), Verdict.PASS, null, List.of(), ourStatus, r.output(), r.error(), r.cause(), ourEvents, millis);
    }
    return new CaseResult(c.id(), c.mode(), Verdict.FAIL, diffs.get(0), List.copyOf(details), ourStatus, r.output(), r.error(), r.cause(), ourEvents, millis);
  }

  private static void compareOutput(ConformanceCase c, ExecutionResult r, boolean fieldOrder, List<String> diffs, List<String> details) {
    JsonNode actual = AsRecorded.normalizedOutput(c, r.output());
    JsonNode expected = c.output() == null ? Json.NODES.nullNode() : c.output();
    if (Boolean.FALSE.equals(c.outputIsJson())) {
      // the recording is text: compare our (normalised) output's text with it
      String ours = actual == null || actual.isNull() ? null : actual.isTextual() ? actual.textValue() : PyJson.dumps(actual);
      if (ours == null || !Placeholders.wildcardMatch(expected.asText(), ours)) {
        diffs.add("output: expected text " + Normalizer.abbreviate(expected.asText(), VALUE_MAX) + ", got " + Normalizer.abbreviate(ours, VALUE_MAX));
        details.add("output (text):\n  expected: " + expected.asText() + "\n  actual:   " + ours);
      }
      return;
    }
    String d = JsonDiff.first(expected, actual, VALUE_MAX);
    if (d == null && fieldOrder) {
      d = JsonDiff.firstOrderDifference(expected, actual, "$");
    }
    if (d != null) {
      diffs.add("output " + d);
      details.add("output " + d + "\n  expected: " + PyJson.dumps(expected) + "\n  actual:   " + PyJson.dumps(actual)
          + "\n  (raw:    " + (r.output() == null ? null : Json.write(r.output())) + ")");
    }
  }

  private static void compareFailure(ConformanceCase c, ExecutionResult r, List<String> diffs, List<String> details) {
    JsonNode norm = AsRecorded.normalizedFailure(c, r);
    JsonNode error = norm.get("error");
    JsonNode cause = norm.get("cause");
    JsonNode expError = c.error() == null ? Json.NODES.nullNode() : TextNode.valueOf(c.error());
    JsonNode expCause = c.cause() == null ? Json.NODES.nullNode() : c.cause();
    if (!Normalizer.matches(expError, nullNode(error))) {
      String d = "error: expected " + JsonDiff.show(expError, VALUE_MAX) + ", got " + JsonDiff.show(nullNode(error), VALUE_MAX);
      diffs.add(d);
      details.add(d + " (cause: " + r.cause() + ")");
    }
    String d = JsonDiff.first(expCause, nullNode(cause), VALUE_MAX);
    if (d != null) {
      diffs.add("cause " + d);
      details.add("cause " + d + "\n  expected: " + PyJson.dumps(expCause) + "\n  actual:   " + PyJson.dumps(nullNode(cause))
          + "\n  (raw:    " + r.cause() + ")");
    }
  }

  static String eventsDifference(List<String> expected, List<String> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    String e = i < expected.size() ? expected.get(i) : "(end)";
    String a = i < actual.size() ? actual.get(i) : "(end)";
    return "at #" + (i + 1) + " expected " + e + ", got " + a + " (" + expected.size() + " expected, " + actual.size() + " got)";
  }

  private static JsonNode nullNode(JsonNode n) {
    return n == null || n.isMissingNode() ? Json.NODES.nullNode() : n;
  }
}
