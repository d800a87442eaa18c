package io.stepwise.layout;

import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph.Edge;
import io.stepwise.layout.Layout.PlacedEdge;
import io.stepwise.layout.Layout.PlacedNode;
import io.stepwise.layout.Layout.Point;
import java.util.List;

/**
 * A Retry drawn as a small loop on its state's side that no edge of the flow uses: the right side
 * when the graph runs down, the top when it runs right. A second Retry on the same state nests
 * outside the first.
 */
final class RetryLoops {
  private RetryLoops() {}

  static PlacedEdge loop(Edge e, PlacedNode n, GraphText.Direction d, int index) {
    double out = GraphLayout.RETRY_LOOP * (1 + 0.5 * index);
    List<Point> points;
    double lx;
    double ly;
    if (d == GraphText.Direction.TOP_DOWN) {
      double x = n.x() + n.width();
      double y1 = n.y() + n.height() * 0.25;
      double y2 = n.y() + n.height() * 0.75;
      points = List.of(new Point(x, y1), new Point(x + out, y1), new Point(x + out, y2), new Point(x, y2));
      lx = x + out + 2 + Labels.edgeTextWidth(Labels.visible(e.label())) / 2;
      ly = n.y() + n.height() / 2;
    } else {
      double y = n.y();
      double x1 = n.x() + n.width() * 0.25;
      double x2 = n.x() + n.width() * 0.75;
      points = List.of(new Point(x1, y), new Point(x1, y - out), new Point(x2, y - out), new Point(x2, y));
      lx = n.x() + n.width() / 2;
      ly = y - out - Labels.EDGE_FONT_SIZE / 2 - 2;
    }
    return new PlacedEdge(e.from(), e.to(), e.kind(), e.label(), points, lx, ly);
  }
}
