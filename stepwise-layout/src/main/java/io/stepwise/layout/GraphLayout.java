package io.stepwise.layout;

import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph;
import io.stepwise.asl.graph.WorkflowGraph.Edge;
import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.asl.graph.WorkflowGraph.Node;
import io.stepwise.layout.Layout.PlacedEdge;
import io.stepwise.layout.Layout.PlacedNode;
import io.stepwise.layout.Layout.Point;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a {@link WorkflowGraph} with ELK's layered algorithm, the whole hierarchy at once
 * (INCLUDE_CHILDREN), so that edges inside a Parallel's branches and a Map's item processor are
 * routed with the rest and groups get the size their contents need. ELK routes a state's Retry as a
 * self loop and makes room for its label; only on a Parallel or Map (a node with children, where
 * ELK's self loops go astray) is the loop drawn by {@link RetryLoops}.
 */
public final class GraphLayout {
  static final double STATE_HEIGHT = 36;
  static final double STATE_MIN_WIDTH = 80;
  static final double STATE_PADDING = 24;
  static final double MARKER_SIZE = 20;
  /** Room above a group's children for its own label. */
  static final double GROUP_TITLE = 26;
  static final double GROUP_PADDING = 14;
  static final double RETRY_LOOP = 16;

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private GraphLayout() {}

  public static Layout layout(WorkflowGraph g, GraphText.Direction d) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.DIRECTION, d == GraphText.Direction.LEFT_RIGHT ? Direction.RIGHT : Direction.DOWN);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(RETRY_LOOP + 8));
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);

    Set<String> compounds = new HashSet<>();
    for (Node n : g.nodes()) {
      if (n.parent() != null) {
        compounds.add(n.parent());
      }
    }
    Map<String, ElkNode> elk = new LinkedHashMap<>();
    Map<String, Node> byId = new HashMap<>();
    for (Node n : g.nodes()) {
      byId.put(n.id(), n);
    }
    for (Node n : g.nodes()) {
      create(n, byId, compounds, elk, root);
    }
    Map<ElkEdge, Edge> edges = new LinkedHashMap<>();
    List<Edge> retries = new ArrayList<>(); // the self loops on compound nodes, drawn by hand
    for (Edge e : g.edges()) {
      if (e.from().equals(e.to()) && compounds.contains(e.from())) {
        retries.add(e);
        continue;
      }
      ElkNode from = elk.get(e.from());
      ElkNode to = elk.get(e.to());
      if (from == null || to == null) {
        throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names a node the graph does not have");
      }
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
      String visible = Labels.visible(e.label());
      if (visible != null) {
        ElkLabel label = ElkGraphUtil.createLabel(visible, edge);
        label.setDimensions(Labels.edgeTextWidth(visible) + 6, Labels.EDGE_FONT_SIZE + 4);
      }
      edges.put(edge, e);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<PlacedNode> placed = new ArrayList<>();
    Map<String, PlacedNode> placedById = new HashMap<>();
    for (Node n : g.nodes()) {
      ElkNode e = elk.get(n.id());
      KVector at = absolute(e);
      PlacedNode p = new PlacedNode(n.id(), n.label(), n.kind(), n.type(), n.parent(), at.x, at.y, e.getWidth(), e.getHeight());
      placed.add(p);
      placedById.put(p.id(), p);
    }
    List<PlacedEdge> routed = new ArrayList<>();
    for (Map.Entry<ElkEdge, Edge> entry : edges.entrySet()) {
      routed.add(route(entry.getKey(), entry.getValue()));
    }
    for (Edge e : retries) {
      routed.add(RetryLoops.loop(e, placedById.get(e.from()), d, retryIndex(retries, e)));
    }
    return new Layout(root.getWidth(), root.getHeight(), d, placed, routed);
  }

  private static ElkNode create(Node n, Map<String, Node> byId, Set<String> compounds, Map<String, ElkNode> elk, ElkNode root) {
    ElkNode existing = elk.get(n.id());
    if (existing != null) {
      return existing;
    }
    Node parentNode = n.parent() == null ? null : byId.get(n.parent());
    if (n.parent() != null && parentNode == null) {
      throw new IllegalArgumentException("node " + n.id() + " is inside " + n.parent() + ", which the graph does not have");
    }
    ElkNode parent = parentNode == null ? root : create(parentNode, byId, compounds, elk, root);
    ElkNode node = ElkGraphUtil.createNode(parent);
    node.setIdentifier(n.id());
    if (compounds.contains(n.id())) {
      // sized by ELK to hold its children; at least wide enough for its own title
      node.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + GROUP_PADDING / 2, GROUP_PADDING, GROUP_PADDING, GROUP_PADDING));
      node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
      node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Labels.nodeTextWidth(n.label()) + 2 * GROUP_PADDING, GROUP_TITLE * 2));
    } else if (n.kind() == Kind.START || n.kind() == Kind.END) {
      node.setDimensions(MARKER_SIZE, MARKER_SIZE);
    } else {
      node.setDimensions(Math.max(STATE_MIN_WIDTH, Labels.nodeTextWidth(n.label()) + STATE_PADDING), STATE_HEIGHT);
    }
    elk.put(n.id(), node);
    return node;
  }

  private static int retryIndex(List<Edge> retries, Edge e) {
    int i = 0;
    for (Edge r : retries) {
      if (r == e) {
        return i;
      }
      if (r.from().equals(e.from())) {
        i++;
      }
    }
    return i;
  }

  private static PlacedEdge route(ElkEdge edge, Edge e) {
    // an edge's sections are relative to the node that contains the edge
    KVector offset = absolute(edge.getContainingNode());
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection s : edge.getSections()) {
      points.add(new Point(offset.x + s.getStartX(), offset.y + s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        points.add(new Point(offset.x + b.getX(), offset.y + b.getY()));
      }
      points.add(new Point(offset.x + s.getEndX(), offset.y + s.getEndY()));
    }
    Double lx = null;
    Double ly = null;
    if (!edge.getLabels().isEmpty()) {
      ElkLabel l = edge.getLabels().get(0);
      lx = offset.x + l.getX() + l.getWidth() / 2;
      ly = offset.y + l.getY() + l.getHeight() / 2;
    }
    return new PlacedEdge(e.from(), e.to(), e.kind(), e.label(), points, lx, ly);
  }

  /** A node's top-left corner in the root's coordinates (ELK keeps each relative to its parent). */
  private static KVector absolute(ElkNode n) {
    KVector at = new KVector();
    for (ElkNode p = n; p != null && p.getParent() != null; p = p.getParent()) {
      at.x += p.getX();
      at.y += p.getY();
    }
    return at;
  }
}
