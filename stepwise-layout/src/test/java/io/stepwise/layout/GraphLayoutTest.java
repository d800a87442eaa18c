package io.stepwise.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.graph.GraphText.Direction;
import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.layout.Layout.PlacedEdge;
import io.stepwise.layout.Layout.PlacedNode;
import io.stepwise.layout.Layout.Point;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The layout a drawing relies on: everything inside the picture, groups around their children, nothing on top of anything. */
class GraphLayoutTest {
  private static final double TOLERANCE = 2.5;

  @ParameterizedTest
  @EnumSource(Direction.class)
  void everyNodeIsInsideTheBoundsAndItsGroupAndNoSiblingsOverlap(Direction d) {
    Layout l = GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), d);
    assertThat(l.direction()).isEqualTo(d);
    assertThat(l.nodes()).hasSize(Definitions.graph(Definitions.EVERYTHING).nodes().size());
    Map<String, PlacedNode> byId = byId(l);
    for (PlacedNode n : l.nodes()) {
      assertThat(n.width()).as(n.id()).isPositive();
      assertThat(n.x()).as(n.id()).isGreaterThanOrEqualTo(0);
      assertThat(n.y()).as(n.id()).isGreaterThanOrEqualTo(0);
      assertThat(n.x() + n.width()).as(n.id()).isLessThanOrEqualTo(l.width());
      assertThat(n.y() + n.height()).as(n.id()).isLessThanOrEqualTo(l.height());
      if (n.parent() != null) {
        PlacedNode p = byId.get(n.parent());
        assertThat(p.contains(n.x(), n.y()) && p.contains(n.x() + n.width(), n.y() + n.height()))
            .as(n.id() + " inside " + p.id()).isTrue();
      }
    }
    assertNoSiblingsOverlap(l);
    // a group nested two deep sits in its branch, which sits in the Parallel
    PlacedNode line = byId.get("States/Fan/Branches/0/States/PerLine/ItemProcessor/States/Line");
    assertThat(line.parent()).isEqualTo("States/Fan/Branches/0/States/PerLine/ItemProcessor");
    PlacedNode fan = byId.get("States/Fan");
    assertThat(fan.contains(line.x(), line.y()) && fan.contains(line.x() + line.width(), line.y() + line.height())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void edgesStartAndEndOnTheirNodesBorders(Direction d) {
    Layout l = GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), d);
    Map<String, PlacedNode> byId = byId(l);
    assertThat(l.edges()).hasSize(Definitions.graph(Definitions.EVERYTHING).edges().size());
    for (PlacedEdge e : l.edges()) {
      assertThat(e.points()).as(e.from() + " -> " + e.to()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(onBorder(byId.get(e.from()), e.points().get(0))).as("start of " + e.from() + " -> " + e.to()).isTrue();
      assertThat(onBorder(byId.get(e.to()), e.points().get(e.points().size() - 1))).as("end of " + e.from() + " -> " + e.to()).isTrue();
      if (e.label() != null) {
        assertThat(e.labelX()).as("label of " + e.from() + " -> " + e.to()).isNotNull();
        assertThat(e.labelX()).isBetween(0.0, l.width());
        assertThat(e.labelY()).isBetween(0.0, l.height());
      }
    }
  }

  @Test
  void topDownPutsTheNextStateBelowAndLeftRightToTheRight() {
    Map<String, PlacedNode> down = byId(GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), Direction.TOP_DOWN));
    Map<String, PlacedNode> right = byId(GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), Direction.LEFT_RIGHT));
    for (String[] step : new String[][] {{"States/Charge", "States/Fan"}, {"States/Fan", "States/Each"},
        {"States/Each", "States/Done"}, {"States/Fan/Branches/1/States/Audit", "States/Fan/Branches/1/States/Archive"},
        {"States/Fan/Branches/0/States/Email", "States/Fan/Branches/0/States/PerLine"}}) {
      assertThat(down.get(step[1]).y()).as(step[1] + " below " + step[0])
          .isGreaterThanOrEqualTo(down.get(step[0]).y() + down.get(step[0]).height());
      assertThat(right.get(step[1]).x()).as(step[1] + " right of " + step[0])
          .isGreaterThanOrEqualTo(right.get(step[0]).x() + right.get(step[0]).width());
    }
  }

  @Test
  void aLongChoiceRuleIsKeptWholeInTheLayoutAndCutWhereDrawn() {
    Layout l = GraphLayout.layout(Definitions.graph(Definitions.EVERYTHING), Direction.TOP_DOWN);
    PlacedEdge rule = l.edges().stream().filter(e -> e.kind() == EdgeKind.CHOICE).findFirst().orElseThrow();
    assertThat(rule.label()).hasSizeGreaterThan(Labels.MAX_VISIBLE).contains("gold");
    assertThat(Labels.visible(rule.label())).hasSize(Labels.MAX_VISIBLE).endsWith("…");
    PlacedEdge retry = l.edges().stream().filter(e -> e.kind() == EdgeKind.RETRY && e.from().equals("States/Charge")).findFirst().orElseThrow();
    assertThat(retry.to()).isEqualTo("States/Charge");
    assertThat(retry.label()).isEqualTo("retry States.Timeout ×2");
  }

  @Test
  void aHundredAndFiftyStatesLayOutWithoutOverlaps() {
    Layout l = GraphLayout.layout(Definitions.graph(Definitions.chain(150)), Direction.TOP_DOWN);
    assertThat(l.nodes().stream().filter(n -> n.kind() == Kind.STATE)).hasSize(150);
    assertNoSiblingsOverlap(l);
    for (PlacedNode n : l.nodes()) {
      assertThat(n.y() + n.height()).isLessThanOrEqualTo(l.height());
    }
  }

  @Test
  void layoutsAreTheSameEachTimeAndMayRunAtOnce() throws Exception {
    // the console lays graphs out on request threads, and a redraw must not move anything
    var graph = Definitions.graph(Definitions.EVERYTHING);
    Layout first = GraphLayout.layout(graph, Direction.TOP_DOWN);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      List<java.util.concurrent.Future<Layout>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> GraphLayout.layout(graph, Direction.TOP_DOWN)));
      }
      for (var run : runs) {
        Layout again = run.get();
        assertThat(again.nodes()).isEqualTo(first.nodes());
        assertThat(again.edges()).isEqualTo(first.edges());
      }
    }
  }

  private static void assertNoSiblingsOverlap(Layout l) {
    Map<String, List<PlacedNode>> siblings = l.nodes().stream()
        .collect(Collectors.groupingBy(n -> Objects.requireNonNullElse(n.parent(), "")));
    for (List<PlacedNode> group : siblings.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          PlacedNode a = group.get(i);
          PlacedNode b = group.get(j);
          boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
              || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
          assertThat(apart).as(a.id() + " and " + b.id() + " overlap").isTrue();
        }
      }
    }
  }

  private static boolean onBorder(PlacedNode n, Point p) {
    boolean inside = p.x() >= n.x() - TOLERANCE && p.x() <= n.x() + n.width() + TOLERANCE
        && p.y() >= n.y() - TOLERANCE && p.y() <= n.y() + n.height() + TOLERANCE;
    boolean nearEdge = Math.abs(p.x() - n.x()) <= TOLERANCE || Math.abs(p.x() - n.x() - n.width()) <= TOLERANCE
        || Math.abs(p.y() - n.y()) <= TOLERANCE || Math.abs(p.y() - n.y() - n.height()) <= TOLERANCE;
    return inside && nearEdge;
  }

  private static Map<String, PlacedNode> byId(Layout l) {
    return l.nodes().stream().collect(Collectors.toMap(PlacedNode::id, Function.identity()));
  }
}
