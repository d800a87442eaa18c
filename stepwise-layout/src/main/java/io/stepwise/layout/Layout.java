package io.stepwise.layout;

import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import java.util.List;

/**
 * A {@link io.stepwise.asl.graph.WorkflowGraph} with every node placed and every edge routed, in
 * absolute coordinates (origin at the top left, y down), ready to draw: what the SVG and PNG
 * renderers and the console draw from.
 */
public record Layout(double width, double height, GraphText.Direction direction, List<PlacedNode> nodes, List<PlacedEdge> edges) {
  public Layout {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** A point of an edge's polyline. */
  public record Point(double x, double y) {}

  /**
   * A node's rectangle; a group's (and a Parallel's or Map's) rectangle holds its children's.
   *
   * @param parent the id of the node it is drawn inside, null at the top
   */
  public record PlacedNode(
      String id, String label, Kind kind, String type, String parent, double x, double y, double width, double height) {
    /** Whether the point lies in this node's rectangle, borders included. */
    public boolean contains(double px, double py) {
      return px >= x && px <= x + width && py >= y && py <= y + height;
    }
  }

  /**
   * An edge's route from its source's border to its target's (a Retry is a small loop on its state).
   *
   * @param label the whole label (a Choice rule may be long; {@link Labels#visible} is what is drawn), null for none
   * @param labelX the centre of the drawn label, null when there is no label
   * @param labelY the centre of the drawn label, null when there is no label
   */
  public record PlacedEdge(String from, String to, EdgeKind kind, String label, List<Point> points, Double labelX, Double labelY) {
    public PlacedEdge {
      points = List.copyOf(points);
    }
  }
}
