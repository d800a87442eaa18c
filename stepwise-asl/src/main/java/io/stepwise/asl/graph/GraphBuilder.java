package io.stepwise.asl.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.graph.WorkflowGraph.Edge;
import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.asl.graph.WorkflowGraph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link WorkflowGraph} of a definition that has been validated. It reads the
 * definition's JSON rather than the compiled model, because a Choice rule is labelled as it was
 * written ({@code $.total > 100}), which the compiled comparison no longer holds.
 */
public final class GraphBuilder {
  private final List<Node> nodes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();

  private GraphBuilder() {}

  /** The graph of a valid definition (callers validate first: a broken one gives a partial graph). */
  public static WorkflowGraph of(JsonNode definition) {
    GraphBuilder b = new GraphBuilder();
    b.scope(definition, "", null);
    return new WorkflowGraph(List.copyOf(b.nodes), List.copyOf(b.edges));
  }

  /** One scope (the machine, a branch, an item processor): its start and end markers, its states, their edges. */
  private void scope(JsonNode graph, String pointer, String parent) {
    String start = pointer + "#start";
    String end = pointer + "#end";
    nodes.add(new Node(start, "Start", Kind.START, null, parent));
    JsonNode states = graph.path("States");
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      state(e.getKey(), e.getValue(), pointer, parent);
    }
    nodes.add(new Node(end, "End", Kind.END, null, parent));
    String startAt = graph.path("StartAt").asText(null);
    if (startAt != null && states.has(startAt)) {
      edges.add(new Edge(start, id(pointer, startAt), EdgeKind.NEXT, null));
    }
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      transitions(e.getKey(), e.getValue(), pointer, end, states);
    }
  }

  private void state(String name, JsonNode s, String pointer, String parent) {
    String id = id(pointer, name);
    String type = s.path("Type").asText();
    nodes.add(new Node(id, name, Kind.STATE, type, parent));
    if (type.equals("Parallel")) {
      JsonNode branches = s.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        String group = id + "/Branches/" + i;
        nodes.add(new Node(group, "Branch " + (i + 1), Kind.GROUP, null, id));
        scope(branches.get(i), group, group);
      }
    } else if (type.equals("Map")) {
      String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
      String group = id + "/" + field;
      boolean distributed = "DISTRIBUTED".equals(s.path(field).path("ProcessorConfig").path("Mode").asText());
      nodes.add(new Node(group, distributed ? "Item processor (distributed)" : "Item processor", Kind.GROUP, null, id));
      scope(s.path(field), group, group);
    }
  }

  private void transitions(String name, JsonNode s, String pointer, String end, JsonNode states) {
    String from = id(pointer, name);
    String type = s.path("Type").asText();
    if (type.equals("Choice")) {
      for (JsonNode rule : s.path("Choices")) {
        to(from, rule.path("Next").asText(null), pointer, states, EdgeKind.CHOICE, ChoiceLabels.of(rule));
      }
      to(from, s.path("Default").asText(null), pointer, states, EdgeKind.DEFAULT, "Default");
    } else if (s.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
      edges.add(new Edge(from, end, EdgeKind.NEXT, null));
    } else {
      to(from, s.path("Next").asText(null), pointer, states, EdgeKind.NEXT, null);
    }
    for (JsonNode r : s.path("Retry")) {
      edges.add(new Edge(from, from, EdgeKind.RETRY, "retry " + errors(r) + " ×" + r.path("MaxAttempts").asInt(3)));
    }
    for (JsonNode c : s.path("Catch")) {
      to(from, c.path("Next").asText(null), pointer, states, EdgeKind.CATCH, "catch " + errors(c));
    }
  }

  private void to(String from, String next, String pointer, JsonNode states, EdgeKind kind, String label) {
    if (next != null && states.has(next)) {
      edges.add(new Edge(from, id(pointer, next), kind, label));
    }
  }

  private static String errors(JsonNode handler) {
    List<String> names = new ArrayList<>();
    handler.path("ErrorEquals").forEach(e -> names.add(e.asText()));
    return String.join(", ", names);
  }

  /** A state's id: its JSON Pointer in the definition, names escaped as RFC 6901 says. */
  static String id(String pointer, String name) {
    return io.stepwise.asl.json.JsonPointers.child(pointer.isEmpty() ? "States" : pointer + "/States", name);
  }
}
