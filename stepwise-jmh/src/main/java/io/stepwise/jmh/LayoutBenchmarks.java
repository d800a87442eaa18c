package io.stepwise.jmh;

import io.stepwise.asl.graph.GraphBuilder;
import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph;
import io.stepwise.asl.json.Json;
import io.stepwise.layout.GraphLayout;
import io.stepwise.layout.Layout;
import io.stepwise.layout.SvgRenderer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drawing a large definition: 150 states in a chain where every tenth is a Choice that skips
 * ahead, laid out by ELK and written as SVG (what the console pays to show it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class LayoutBenchmarks {
  private WorkflowGraph graph;
  private Layout layout;

  @Setup
  public void setUp() throws Exception {
    graph = GraphBuilder.of(Json.parse(chain(150)));
    layout = GraphLayout.layout(graph, GraphText.Direction.TOP_DOWN);
  }

  @Benchmark
  public Layout layout150States() {
    return GraphLayout.layout(graph, GraphText.Direction.TOP_DOWN);
  }

  @Benchmark
  public String svg150States() {
    return SvgRenderer.render(layout);
  }

  static String chain(int n) {
    StringBuilder b = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? "," : "").append("\"S").append(i).append("\":");
      if (i == n - 1) {
        b.append("{\"Type\":\"Succeed\"}");
      } else if (i % 10 == 5) {
        b.append("{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\",\"NumericEquals\":").append(i)
            .append(",\"Next\":\"S").append(Math.min(n - 1, i + 3)).append("\"}],\"Default\":\"S").append(i + 1).append("\"}");
      } else {
        b.append("{\"Type\":\"Pass\",\"Next\":\"S").append(i + 1).append("\"}");
      }
    }
    return b.append("}}").toString();
  }
}
