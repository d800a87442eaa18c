package io.stepwise.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares what a run did with what its case expects, each difference in words a reader can act on. */
public final class Comparison {
  private Comparison() {}

  /** Every difference, in the order status, error, cause, output, states, variables; empty when the run is as expected. */
  public static List<Difference> compare(Expectation expect, Outcome actual) {
    List<Difference> out = new ArrayList<>();
    if (expect.status() != null && expect.status() != actual.status()) {
      out.add(status(expect.status(), actual));
    }
    if (expect.error() != null && !expect.error().equals(actual.error())) {
      out.add(new Difference("error", quote(expect.error()), quote(actual.error()), null));
    }
    if (expect.cause() != null && !expect.cause().equals(actual.cause())) {
      out.add(new Difference("cause", quote(expect.cause()), quote(actual.cause()), null));
    }
    if (expect.output() != null) {
      // an execution that did not succeed has no output: as JSON, null
      Difference d = json("output", expect.output(), actual.output() == null ? Json.NODES.nullNode() : actual.output());
      if (d != null) {
        out.add(d);
      }
    }
    if (expect.states() != null) {
      Difference d = states(expect.states(), actual.states());
      if (d != null) {
        out.add(d);
      }
    }
    if (expect.variables() != null) {
      for (Map.Entry<String, JsonNode> v : expect.variables().properties()) {
        JsonNode got = actual.variables().get(v.getKey());
        Difference d = got == null
            ? new Difference("variables." + v.getKey(), JsonValues.show(v.getValue()), "(none)",
                "no top-level state assigned $" + v.getKey() + " (assigned: " + names(actual) + ")")
            : json("variables." + v.getKey(), v.getValue(), got);
        if (d != null) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static Difference status(ExecutionStatus expected, Outcome actual) {
    String why = null;
    if (actual.error() != null || actual.cause() != null) {
      why = "it ended " + actual.status() + " with error " + quote(actual.error()) + ", cause " + quote(actual.cause());
    } else if (actual.waitingFor() != null) {
      why = "it is still waiting: " + actual.waitingFor();
    }
    return new Difference("status", expected.name(), actual.status().name(), why);
  }

  /** The difference between two JSON values, naming the first place they differ; null when equal. */
  public static Difference json(String field, JsonNode expected, JsonNode actual) {
    String at = JsonValues.firstDifference(expected, actual);
    if (at == null) {
      return null;
    }
    String detail = null;
    if (!at.isEmpty()) {
      JsonNode e = JsonValues.at(expected, at);
      JsonNode a = JsonValues.at(actual, at);
      detail = "first difference at " + at + ": expected " + JsonValues.show(e) + ", got " + JsonValues.show(a);
    }
    return new Difference(field, JsonValues.show(expected), JsonValues.show(actual), detail);
  }

  /** The difference between two lists of state names, naming the first index where they differ; null when equal. */
  public static Difference states(List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return null;
    }
    int i = 0;
    while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
      i++;
    }
    String detail;
    if (i == actual.size()) {
      detail = "at index " + i + " expected " + quote(expected.get(i)) + ", but the run entered no more states";
    } else if (i == expected.size()) {
      detail = "at index " + i + " the run entered " + quote(actual.get(i)) + ", expected no more states";
    } else {
      detail = "at index " + i + " expected " + quote(expected.get(i)) + ", got " + quote(actual.get(i));
    }
    return new Difference("states", list(expected), list(actual), detail);
  }

  private static String names(Outcome actual) {
    List<String> names = new ArrayList<>();
    actual.variables().fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static String list(List<String> names) {
    return Json.write(Json.MAPPER.valueToTree(names));
  }

  private static String quote(String s) {
    return s == null ? "null" : Json.write(Json.NODES.textNode(s));
  }
}
