package io.stepwise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.DefinitionException;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.asl.validate.Problem;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stepwise run}: one execution, its output (exit 0) or its error and cause (exit 1). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs one execution of a state machine and prints its output, or its error and cause.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DEFINITION", description = "The ASL definition file (JSON).")
  Path definition;

  @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The execution input (default {}).")
  String input;

  @Option(names = "--json", description = "Print {status, output, error, cause, executionArn} as JSON.")
  boolean json;

  @Option(names = "--history", description = "Also print the history events as GetExecutionHistory returns them.")
  boolean history;

  @Option(names = "--fast-time", description = "Wait states and retry back-off take no wall time.")
  boolean fastTime;

  @Option(names = "--task-responses", paramLabel = "FILE", description = "Canned task results: resource ARN to {\"Return\": ...} or {\"Throw\": {\"Error\", \"Cause\"}}, or a list of them.")
  Path taskResponses;

  @Option(names = "--name", paramLabel = "NAME", description = "The state machine's name (default: the file name).")
  String machineName;

  @Option(names = "--execution-name", paramLabel = "NAME", description = "The execution's name (default: a UUID).")
  String executionName;

  @Option(names = "--express", description = "Run as an Express execution.")
  boolean express;

  @Override
  public Integer call() throws IOException {
    String text;
    try {
      text = Files.readString(definition);
    } catch (NoSuchFileException e) {
      System.err.println(definition + ": no such file");
      return 2;
    }
    StateMachine machine;
    try {
      machine = StateMachineParser.parse(text);
    } catch (DefinitionException e) {
      System.err.println(definition + ": invalid definition");
      for (Problem p : e.problems()) {
        System.err.println("  " + p);
      }
      return 1;
    }
    Engine.Builder builder = Engine.builder().fastTime(fastTime);
    if (taskResponses != null) {
      TaskResponses responses;
      try {
        responses = new TaskResponses(Json.parse(Files.readString(taskResponses)));
      } catch (JsonProcessingException e) {
        System.err.println(taskResponses + ": not valid JSON: " + Json.problem(e));
        return 2;
      } catch (NoSuchFileException e) {
        System.err.println(taskResponses + ": no such file");
        return 2;
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      for (String arn : responses.resources()) {
        builder.invoker(arn, responses);
      }
      builder.fallback(responses);
    }
    JsonNode inputNode;
    try {
      inputNode = Engine.parseInput(Inputs.textOrFile(input));
    } catch (NoSuchFileException e) {
      System.err.println(input.substring(1) + ": no such file");
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    String name = machineName != null ? machineName : baseName(definition);
    RunOptions options =
        RunOptions.defaults().withNames(name, executionName).withType(express ? ExecutionType.EXPRESS : ExecutionType.STANDARD);
    ExecutionResult result;
    try (Engine engine = builder.build()) {
      result = engine.run(machine, inputNode, options);
    }
    print(result);
    return result.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
  }

  private void print(ExecutionResult r) {
    if (json || history) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("status", r.status().name());
      o.set("output", r.output() == null ? Json.NODES.nullNode() : r.output());
      o.put("error", r.error());
      o.put("cause", r.cause());
      o.put("executionArn", r.executionArn());
      if (history) {
        o.set("events", r.historyJson());
      }
      System.out.println(Json.write(o));
      return;
    }
    if (r.status() == ExecutionStatus.SUCCEEDED) {
      System.out.println(Json.write(r.output()));
    } else {
      System.err.println(r.status() + ": " + (r.error() == null ? "" : r.error()) + (r.cause() == null ? "" : ": " + r.cause()));
    }
  }

  private static String baseName(Path p) {
    String n = p.getFileName().toString();
    for (String ext : new String[] {".asl.json", ".json"}) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
