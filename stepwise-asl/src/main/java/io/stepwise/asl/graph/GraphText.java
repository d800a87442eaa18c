package io.stepwise.asl.graph;

import io.stepwise.asl.graph.WorkflowGraph.Edge;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.asl.graph.WorkflowGraph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WorkflowGraph} written in the text languages other tools draw: Graphviz DOT (groups as
 * clusters) and Mermaid flowcharts (groups as subgraphs). Both draw Catch edges dashed, Retry as a
 * dotted loop on the state, Choice edges with their rules and Default.
 */
public final class GraphText {
  /** Which way the graph runs. */
  public enum Direction {
    TOP_DOWN,
    LEFT_RIGHT
  }

  private GraphText() {}

  public static String dot(WorkflowGraph g, Direction d) {
    Map<String, String> ids = shortIds(g);
    StringBuilder out = new StringBuilder("digraph workflow {\n");
    out.append("  rankdir=").append(d == Direction.LEFT_RIGHT ? "LR" : "TB").append(";\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    dotChildren(byParent(g), null, ids, out, "  ");
    for (Edge e : g.edges()) {
      out.append("  ").append(ids.get(e.from())).append(" -> ").append(ids.get(e.to()));
      String style = switch (e.kind()) {
        case CATCH -> "style=dashed, color=\"#c0392b\"";
        case RETRY -> "style=dotted, color=\"#7f8c8d\"";
        case DEFAULT -> "style=bold";
        default -> null;
      };
      String label = e.label() == null ? null : "label=\"" + escape(e.label()) + "\"";
      if (style != null || label != null) {
        out.append(" [").append(style == null ? label : label == null ? style : label + ", " + style).append("]");
      }
      out.append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static void dotChildren(Map<String, List<Node>> byParent, String parent, Map<String, String> ids, StringBuilder out,
      String indent) {
    for (Node n : byParent.getOrDefault(parent, List.of())) {
      if (byParent.containsKey(n.id())) {
        out.append(indent).append("subgraph cluster_").append(ids.get(n.id())).append(" {\n");
        out.append(indent).append("  label=\"").append(escape(label(n))).append("\";\n");
        if (n.kind() == Kind.STATE) {
          // a Parallel or Map is drawn as its box and, inside the cluster, what it runs
          out.append(indent).append("  ").append(ids.get(n.id())).append(" [label=\"").append(escape(label(n))).append("\"];\n");
        }
        dotChildren(byParent, n.id(), ids, out, indent + "  ");
        out.append(indent).append("}\n");
      } else {
        out.append(indent).append(ids.get(n.id())).append(" [label=\"").append(escape(label(n))).append("\"")
            .append(switch (n.kind()) {
              case START, END -> ", shape=circle, fillcolor=\"#2c3e50\", fontcolor=white, width=0.3, fontsize=9";
              default -> n.type() != null && n.type().equals("Choice") ? ", shape=diamond" : "";
            }).append("];\n");
      }
    }
  }

  public static String mermaid(WorkflowGraph g, Direction d) {
    Map<String, String> ids = shortIds(g);
    StringBuilder out = new StringBuilder("flowchart ").append(d == Direction.LEFT_RIGHT ? "LR" : "TD").append('\n');
    mermaidChildren(byParent(g), null, ids, out, "  ");
    for (Edge e : g.edges()) {
      String arrow = switch (e.kind()) {
        case CATCH, RETRY -> "-.->";
        case DEFAULT -> "==>";
        default -> "-->";
      };
      out.append("  ").append(ids.get(e.from())).append(' ').append(arrow);
      if (e.label() != null) {
        out.append("|\"").append(mermaidText(e.label())).append("\"|");
      }
      out.append(' ').append(ids.get(e.to())).append('\n');
    }
    return out.toString();
  }

  private static void mermaidChildren(Map<String, List<Node>> byParent, String parent, Map<String, String> ids, StringBuilder out,
      String indent) {
    for (Node n : byParent.getOrDefault(parent, List.of())) {
      String id = ids.get(n.id());
      String text = mermaidText(label(n));
      if (n.kind() == Kind.GROUP) {
        out.append(indent).append("subgraph ").append(id).append(" [\"").append(text).append("\"]\n");
        mermaidChildren(byParent, n.id(), ids, out, indent + "  ");
        out.append(indent).append("end\n");
        continue;
      }
      out.append(indent).append(switch (n.kind()) {
        case START, END -> id + "((\"" + text + "\"))";
        default -> n.type() != null && n.type().equals("Choice") ? id + "{\"" + text + "\"}" : id + "[\"" + text + "\"]";
      }).append('\n');
      if (byParent.containsKey(n.id())) {
        out.append(indent).append("subgraph ").append(id).append("_in [\"").append(text).append("\"]\n");
        mermaidChildren(byParent, n.id(), ids, out, indent + "  ");
        out.append(indent).append("end\n");
      }
    }
  }

  /** The nodes drawn inside each node (null: at the top), in node order; a key is a node that contains others. */
  private static Map<String, List<Node>> byParent(WorkflowGraph g) {
    Map<String, List<Node>> out = new java.util.HashMap<>();
    for (Node n : g.nodes()) {
      out.computeIfAbsent(n.parent(), k -> new java.util.ArrayList<>()).add(n);
    }
    return out;
  }

  private static String label(Node n) {
    return n.kind() == Kind.STATE ? n.label() + "\n" + n.type() : n.label();
  }

  /** n0, n1, ... in node order: the pointers hold characters neither language takes in an id. */
  private static Map<String, String> shortIds(WorkflowGraph g) {
    Map<String, String> ids = new HashMap<>();
    List<Node> nodes = g.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      ids.put(nodes.get(i).id(), "n" + i);
    }
    return ids;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("\n", "<br/>");
  }
}
