package io.stepwise.layout;

import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.layout.Layout.PlacedEdge;
import io.stepwise.layout.Layout.PlacedNode;
import io.stepwise.layout.Layout.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/** A {@link Layout} as a PNG image, drawn with Java2D in the shapes and colours of {@link SvgRenderer}. */
public final class PngRenderer {
  private static final Color INK = new Color(0x2c3e50);
  private static final Color LINE = new Color(0x566573);
  private static final Color CATCH = new Color(0xc0392b);
  private static final Color RETRY = new Color(0x7f8c8d);
  /** Larger images would need gigabytes of memory: a graph that big is better drawn as SVG. */
  private static final long MAX_PIXELS = 100_000_000L;

  static {
    // a server or a CI machine has no display; Java2D draws into an image without one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PngRenderer() {}

  /** @param scale pixels per layout unit (2 for a sharp image on a high-density screen) */
  public static byte[] render(Layout layout, double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, not " + scale);
    }
    int w = Math.max(1, (int) Math.ceil(layout.width() * scale));
    int h = Math.max(1, (int) Math.ceil(layout.height() * scale));
    if ((long) w * h > MAX_PIXELS) {
      throw new IllegalArgumentException("a " + w + "x" + h + " image is too large for PNG; use a smaller scale or SVG");
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      Set<String> compounds = new HashSet<>();
      layout.nodes().forEach(n -> {
        if (n.parent() != null) {
          compounds.add(n.parent());
        }
      });
      for (PlacedNode n : layout.nodes()) {
        node(g, n, compounds.contains(n.id()));
      }
      for (PlacedEdge e : layout.edges()) {
        edge(g, e);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG in memory failed", e);
    }
    return png.toByteArray();
  }

  private static void node(Graphics2D g, PlacedNode n, boolean compound) {
    switch (n.kind()) {
      case START -> {
        g.setColor(INK);
        g.fill(new Ellipse2D.Double(n.x(), n.y(), n.width(), n.height()));
      }
      case END -> {
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(n.x(), n.y(), n.width(), n.height()));
        g.setColor(INK);
        g.setStroke(new BasicStroke(4f));
        g.draw(new Ellipse2D.Double(n.x() + 2, n.y() + 2, n.width() - 4, n.height() - 4));
      }
      default -> {
        boolean group = n.kind() == Kind.GROUP;
        RoundRectangle2D rect = new RoundRectangle2D.Double(n.x(), n.y(), n.width(), n.height(), group ? 16 : 10, group ? 16 : 10);
        if (!group) {
          g.setColor(fill(n.type(), compound));
          g.fill(rect);
        }
        g.setColor(group ? RETRY : stroke(n.type()));
        g.setStroke(group ? new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5, 3}, 0)
            : new BasicStroke(1.2f));
        g.draw(rect);
        g.setColor(group ? LINE : INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, group ? 11 : 12));
        FontMetrics fm = g.getFontMetrics();
        if (compound) {
          g.drawString(n.label(), (float) (n.x() + 8), (float) (n.y() + 17));
        } else {
          g.drawString(n.label(), (float) (n.x() + (n.width() - fm.stringWidth(n.label())) / 2), (float) (n.y() + n.height() / 2 + 4));
        }
      }
    }
  }

  private static Color fill(String type, boolean compound) {
    if (type == null) {
      return Color.WHITE;
    }
    return switch (type) {
      case "Choice" -> new Color(0xfef9e7);
      case "Succeed" -> new Color(0xeafaf1);
      case "Fail" -> new Color(0xfdedec);
      default -> compound ? new Color(0xf8f9f9) : Color.WHITE;
    };
  }

  private static Color stroke(String type) {
    if (type == null) {
      return new Color(0x34495e);
    }
    return switch (type) {
      case "Choice" -> new Color(0xb7950b);
      case "Succeed" -> new Color(0x1e8449);
      case "Fail" -> CATCH;
      default -> new Color(0x34495e);
    };
  }

  private static void edge(Graphics2D g, PlacedEdge e) {
    List<Point> pts = e.points();
    if (pts.size() < 2) {
      return;
    }
    Color color = e.kind() == EdgeKind.CATCH ? CATCH : e.kind() == EdgeKind.RETRY ? RETRY : LINE;
    float width = e.kind() == EdgeKind.DEFAULT ? 2f : 1.2f;
    float[] dash = e.kind() == EdgeKind.CATCH ? new float[] {6, 3} : e.kind() == EdgeKind.RETRY ? new float[] {2, 2} : null;
    g.setColor(color);
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0));
    Path2D.Double path = new Path2D.Double();
    path.moveTo(pts.get(0).x(), pts.get(0).y());
    for (int i = 1; i < pts.size(); i++) {
      path.lineTo(pts.get(i).x(), pts.get(i).y());
    }
    g.draw(path);
    arrow(g, pts.get(pts.size() - 2), pts.get(pts.size() - 1));
    if (e.label() != null && e.labelX() != null) {
      String text = Labels.visible(e.label());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      FontMetrics fm = g.getFontMetrics();
      g.setColor(new Color(0x34495e));
      g.drawString(text, (float) (e.labelX() - fm.stringWidth(text) / 2.0), (float) (e.labelY() + 3.5));
    }
  }

  private static void arrow(Graphics2D g, Point from, Point to) {
    AffineTransform saved = g.getTransform();
    g.translate(to.x(), to.y());
    g.rotate(Math.atan2(to.y() - from.y(), to.x() - from.x()));
    Path2D.Double head = new Path2D.Double();
    head.moveTo(0, 0);
    head.lineTo(-8, -4);
    head.lineTo(-8, 4);
    head.closePath();
    g.setColor(LINE);
    g.fill(head);
    g.setTransform(saved);
  }
}
