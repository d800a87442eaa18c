package io.stepwise.layout;

import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.layout.Layout.PlacedEdge;
import io.stepwise.layout.Layout.PlacedNode;
import io.stepwise.layout.Layout.Point;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link Layout} as a standalone SVG document. Nodes and edges carry classes
 * ({@code sw-node sw-kind-state sw-type-task}, {@code sw-edge sw-edge-catch}) and their ids
 * ({@code data-id}, {@code data-from}, {@code data-to}) so a page can style and find them; the
 * embedded style gives a drawing that reads well on its own.
 */
public final class SvgRenderer {
  private static final String STYLE = """
      .sw-node rect{fill:#ffffff;stroke:#34495e;stroke-width:1.2}
      .sw-node text{font:12px Helvetica,Arial,sans-serif;fill:#2c3e50}
      .sw-type-choice rect{fill:#fef9e7;stroke:#b7950b}
      .sw-type-succeed rect{fill:#eafaf1;stroke:#1e8449}
      .sw-type-fail rect{fill:#fdedec;stroke:#c0392b}
      .sw-type-parallel>rect,.sw-type-map>rect{fill:#f8f9f9}
      .sw-kind-group>rect{fill:none;stroke:#7f8c8d;stroke-dasharray:5 3}
      .sw-kind-group>text{fill:#566573;font-size:11px}
      .sw-kind-start circle{fill:#2c3e50}
      .sw-kind-end circle{fill:#ffffff;stroke:#2c3e50;stroke-width:4}
      .sw-edge path{fill:none;stroke:#566573;stroke-width:1.2}
      .sw-edge text{font:10px Helvetica,Arial,sans-serif;fill:#34495e}
      .sw-edge-catch path{stroke:#c0392b;stroke-dasharray:6 3}
      .sw-edge-retry path{stroke:#7f8c8d;stroke-dasharray:2 2}
      .sw-edge-default path{stroke-width:2}
      """;

  private SvgRenderer() {}

  public static String render(Layout layout) {
    Set<String> compounds = new HashSet<>();
    layout.nodes().forEach(n -> {
      if (n.parent() != null) {
        compounds.add(n.parent());
      }
    });
    StringBuilder out = new StringBuilder(4096 + 400 * layout.nodes().size());
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(layout.width())).append("\" height=\"")
        .append(n(layout.height())).append("\" viewBox=\"0 0 ").append(n(layout.width())).append(' ')
        .append(n(layout.height())).append("\">\n");
    out.append("<style>\n").append(STYLE).append("</style>\n");
    out.append("<defs><marker id=\"sw-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
        + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#566573\"/></marker></defs>\n");
    // containers first, so their children and the edges between them are drawn over them
    for (PlacedNode node : layout.nodes()) {
      node(node, compounds.contains(node.id()), out);
    }
    for (PlacedEdge edge : layout.edges()) {
      edge(edge, out);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void node(PlacedNode node, boolean compound, StringBuilder out) {
    out.append("<g class=\"sw-node sw-kind-").append(node.kind().name().toLowerCase(Locale.ROOT));
    if (node.type() != null) {
      out.append(" sw-type-").append(escape(node.type().toLowerCase(Locale.ROOT)));
    }
    out.append("\" data-id=\"").append(escape(node.id())).append("\">");
    out.append("<title>").append(escape(node.type() == null ? node.label() : node.label() + " (" + node.type() + ")"))
        .append("</title>");
    if (node.kind() == Kind.START || node.kind() == Kind.END) {
      out.append("<circle cx=\"").append(n(node.x() + node.width() / 2)).append("\" cy=\"").append(n(node.y() + node.height() / 2))
          .append("\" r=\"").append(n(node.width() / 2 - (node.kind() == Kind.END ? 2 : 0))).append("\"/>");
    } else {
      out.append("<rect x=\"").append(n(node.x())).append("\" y=\"").append(n(node.y())).append("\" width=\"")
          .append(n(node.width())).append("\" height=\"").append(n(node.height())).append("\" rx=\"")
          .append(node.kind() == Kind.GROUP ? 8 : 5).append("\"/>");
      if (compound) {
        // the title sits in the room the layout left above the children
        out.append("<text x=\"").append(n(node.x() + 8)).append("\" y=\"").append(n(node.y() + 17)).append("\">");
      } else {
        out.append("<text x=\"").append(n(node.x() + node.width() / 2)).append("\" y=\"")
            .append(n(node.y() + node.height() / 2 + 4)).append("\" text-anchor=\"middle\">");
      }
      out.append(escape(node.label())).append("</text>");
    }
    out.append("</g>\n");
  }

  private static void edge(PlacedEdge edge, StringBuilder out) {
    out.append("<g class=\"sw-edge sw-edge-").append(edge.kind().name().toLowerCase(Locale.ROOT)).append("\" data-from=\"")
        .append(escape(edge.from())).append("\" data-to=\"").append(escape(edge.to())).append("\">");
    if (edge.label() != null) {
      out.append("<title>").append(escape(edge.label())).append("</title>");
    }
    out.append("<path d=\"");
    for (int i = 0; i < edge.points().size(); i++) {
      Point p = edge.points().get(i);
      out.append(i == 0 ? "M" : " L").append(n(p.x())).append(',').append(n(p.y()));
    }
    out.append("\" marker-end=\"url(#sw-arrow)\"/>");
    if (edge.label() != null && edge.labelX() != null) {
      out.append("<text x=\"").append(n(edge.labelX())).append("\" y=\"").append(n(edge.labelY() + 3.5))
          .append("\" text-anchor=\"middle\">").append(escape(Labels.visible(edge.label()))).append("</text>");
    }
    out.append("</g>\n");
  }

  /** Coordinates to one decimal: enough for a drawing, and a stable text for tests and diffs. */
  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Text for XML content and attribute values; labels come from users' definitions. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even escaped
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
