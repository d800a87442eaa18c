package io.stepwise.cli;

import io.stepwise.asl.graph.GraphBuilder;
import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import io.stepwise.layout.GraphLayout;
import io.stepwise.layout.PngRenderer;
import io.stepwise.layout.SvgRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stepwise graph DEFINITION --format dot|mermaid|svg|png}: the definition's graph as text
 * another tool draws (Graphviz, Mermaid), or drawn here (laid out by stepwise-layout, as the console
 * draws it).
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draws a definition as a graph: Graphviz DOT, a Mermaid flowchart, or an SVG or PNG image laid out here.",
      "Choice edges carry their rules and Default; Catch edges are dashed, Retry a dotted loop; Parallel branches and a"
          + " Map's item processor are groups inside their state."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.INVALID_LINE})
final class GraphCommand implements Callable<Integer> {
  enum Format {
    dot,
    mermaid,
    svg,
    png
  }

  @Parameters(index = "0", paramLabel = "DEFINITION", description = "An ASL definition file (JSON); - reads standard input.")
  String file;

  @Option(names = "--format", defaultValue = "dot", description = "dot, mermaid, svg or png (png needs -o FILE, or standard output not a terminal). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--direction", defaultValue = "TB", description = "TB (top-down) or LR (left-right). Default: ${DEFAULT-VALUE}.")
  String direction;

  @Option(names = "--scale", defaultValue = "2", description = "png only: pixels per layout unit. Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the graph to FILE instead of standard output.")
  Path output;

  private final Inputs inputs = Inputs.fromSystemIn();

  @Override
  public Integer call() {
    if (format == Format.png && !(scale > 0 && scale <= 16)) {
      System.err.println("stepwise graph: --scale must be more than 0 and at most 16, not " + scale);
      return ExitCodes.USAGE;
    }
    GraphText.Direction d = switch (direction.toUpperCase(java.util.Locale.ROOT)) {
      case "TB", "TD" -> GraphText.Direction.TOP_DOWN;
      case "LR" -> GraphText.Direction.LEFT_RIGHT;
      default -> null;
    };
    if (d == null) {
      System.err.println("stepwise graph: --direction must be TB or LR, not '" + direction + "'");
      return ExitCodes.USAGE;
    }
    String text;
    try {
      text = inputs.read(file);
    } catch (Inputs.InputException e) {
      System.err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    String label = file.equals(Inputs.STDIN) ? "standard input" : file;
    List<Problem> problems = Validator.validate(text);
    if (!problems.isEmpty()) {
      System.err.println(label + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      problems.forEach(p -> System.err.println("  " + p));
      return ExitCodes.INVALID_DEFINITION;
    }
    WorkflowGraph graph;
    try {
      graph = GraphBuilder.of(Json.parse(text));
    } catch (IOException e) {
      throw new IllegalStateException("a definition that validated did not parse", e);
    }
    byte[] drawn;
    try {
      drawn = switch (format) {
        case dot -> GraphText.dot(graph, d).getBytes(StandardCharsets.UTF_8);
        case mermaid -> GraphText.mermaid(graph, d).getBytes(StandardCharsets.UTF_8);
        case svg -> SvgRenderer.render(GraphLayout.layout(graph, d)).getBytes(StandardCharsets.UTF_8);
        case png -> PngRenderer.render(GraphLayout.layout(graph, d), scale);
      };
    } catch (IllegalArgumentException e) {
      System.err.println("stepwise graph: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (output == null) {
      if (format == Format.png && isTerminal()) {
        System.err.println("stepwise graph: a PNG is not written to a terminal; give -o FILE or redirect standard output");
        return ExitCodes.USAGE;
      }
      System.out.write(drawn, 0, drawn.length);
      System.out.flush();
      return ExitCodes.OK;
    }
    try {
      Files.write(output, drawn);
    } catch (IOException e) {
      System.err.println("stepwise graph: cannot write " + output + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return ExitCodes.OK;
  }

  /** Whether standard output is a terminal (Java 22+ can tell; on 21, a console means one). */
  private static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
