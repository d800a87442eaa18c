package io.stepwise.cli;

import io.stepwise.asl.graph.GraphBuilder;
import io.stepwise.asl.graph.GraphText;
import io.stepwise.asl.graph.WorkflowGraph;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
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
 * {@code stepwise graph DEFINITION --format dot|mermaid}: the definition's graph as text another
 * tool draws (Graphviz, Mermaid), made from the same graph model the console will lay out.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draws a definition as a graph: Graphviz DOT or a Mermaid flowchart (pipe DOT to `dot -Tsvg`).",
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

  @Option(names = "--format", defaultValue = "dot", description = "dot or mermaid (svg and png: not yet; use dot | dot -Tsvg). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--direction", defaultValue = "TB", description = "TB (top-down) or LR (left-right). Default: ${DEFAULT-VALUE}.")
  String direction;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the graph to FILE instead of standard output.")
  Path output;

  private final Inputs inputs = Inputs.fromSystemIn();

  @Override
  public Integer call() {
    if (format == Format.svg || format == Format.png) {
      System.err.println("stepwise graph: --format " + format + " is not available yet (it comes with the console's layout);"
          + " draw the DOT with Graphviz: stepwise graph " + file + " | dot -T" + format);
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
    String drawn = format == Format.dot ? GraphText.dot(graph, d) : GraphText.mermaid(graph, d);
    if (output == null) {
      System.out.print(drawn);
      return ExitCodes.OK;
    }
    try {
      Files.writeString(output, drawn, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("stepwise graph: cannot write " + output + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return ExitCodes.OK;
  }
}
