package io.stepwise.asl.graph;

import java.util.List;

/**
 * A definition as a graph to draw: its states as nodes (a Parallel's branches and a Map's item
 * processor as groups nested in the state), its transitions as edges of the kinds a reader must
 * tell apart, and a start and an end marker for each scope. The one model every drawing is made
 * from (DOT, Mermaid, and the console's layout), so they all show the same graph.
 */
public record WorkflowGraph(List<Node> nodes, List<Edge> edges) {
  /** What a node is: a state of an ASL type, a group (a branch or an item processor), or a scope's start or end. */
  public enum Kind {
    STATE,
    GROUP,
    START,
    END
  }

  /**
   * @param id unique and stable: the JSON Pointer of the state in the definition (without the
   *     leading slash), or of the group, or the scope's pointer with {@code #start}/{@code #end}
   * @param label what is drawn: the state's name, "Branch 1", "Item processor", "Start", "End"
   * @param type the ASL type (Task, Choice, ...) for a state; null otherwise
   * @param parent the id of the group or the Parallel/Map state it is drawn inside; null at the top
   */
  public record Node(String id, String label, Kind kind, String type, String parent) {}

  /** How an edge is drawn: a plain transition, a Choice rule or its Default, a Catch, a Retry (a loop on the state). */
  public enum EdgeKind {
    NEXT,
    CHOICE,
    DEFAULT,
    CATCH,
    RETRY
  }

  /** @param label the Choice rule, "Default", the caught errors, the retried errors with their attempts; null for a plain transition */
  public record Edge(String from, String to, EdgeKind kind, String label) {}
}
