package io.stepwise.cli;

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
import io.stepwise.integrations.lambda.LambdaFunctions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stepwise run}: one execution, its output (exit 0) or its error and cause (exit 1). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs one execution of a state machine and prints its output, or its error and cause.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE, ExitCodes.INVALID_LINE})
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DEFINITION", description = "The ASL definition file (JSON); - reads standard input.")
  String definition;

  @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The execution input (default {}); @- or - reads standard input.")
  String input;

  @Option(names = "--json", description = "Print {status, output, error, cause, executionArn} as JSON.")
  boolean json;

  @Option(names = "--history", description = "Also print the history events as GetExecutionHistory returns them.")
  boolean history;

  @Option(names = "--fast-time", description = "Wait states, retry back-off and timeouts take no wall time.")
  boolean fastTime;

  @Option(
      names = "--task-responses",
      paramLabel = "FILE",
      description = "Canned task results: a JSON object from a Task's resource ARN, or a Lambda function's name or ARN, to"
          + " {\"Return\": value} or {\"Throw\": {\"Error\": ..., \"Cause\": ...}}, or to a list of those used one per call"
          + " (the last repeats). For a Lambda function the value is the function's own result, which Step Functions'"
          + " Lambda invoke integration wraps in Lambda's response; for a task that waits for a task token, it is what"
          + " the callback sends.")
  String taskResponses;

  @Option(
      names = "--mock-config",
      paramLabel = "FILE",
      description = "A mock configuration in Step Functions Local's format (MockConfigFile.json: StateMachines with their"
          + " TestCases, MockedResponses): with --test-case, the execution's mocked Task states are answered by their"
          + " mocked responses (docs/testing.md). A file that cannot be used is refused, every problem at its JSON Pointer.")
  String mockConfig;

  @Option(names = "--test-case", paramLabel = "NAME",
      description = "The test case of --mock-config to run with, one of the TestCases of the state machine (--name, or the file name).")
  String testCase;

  @Option(names = "--name", paramLabel = "NAME", description = "The state machine's name (default: the file name).")
  String machineName;

  @Option(names = "--execution-name", paramLabel = "NAME", description = "The execution's name (default: a UUID).")
  String executionName;

  @Option(names = "--express", description = "Run as an Express execution.")
  boolean express;

  private final Inputs inputs = Inputs.fromSystemIn();

  @Override
  public Integer call() {
    String text = inputs.read(definition);
    StateMachine machine;
    try {
      machine = StateMachineParser.parse(text);
    } catch (DefinitionException e) {
      System.err.println(label(definition) + ": invalid definition");
      for (Problem p : e.problems()) {
        System.err.println("  " + p);
      }
      return ExitCodes.INVALID_DEFINITION;
    }
    String name = machineName != null ? machineName : baseName(definition);
    Engine.Builder builder = Engine.builder().fastTime(fastTime);
    if (testCase != null && mockConfig == null) {
      throw new Inputs.InputException("--test-case " + testCase + " needs --mock-config FILE, the mock configuration that holds it");
    }
    if (mockConfig != null) {
      io.stepwise.engine.mock.MockConfig mocks = MockConfigFiles.read(Path.of(mockConfig));
      if (testCase != null) {
        String refusal = MockConfigFiles.refusal(mocks, name, testCase);
        if (refusal != null) {
          throw new Inputs.InputException("--test-case: " + refusal);
        }
      }
      builder.mocks(mocks);
    }
    // Lambda is always emulated, so that a function with no response fails as on AWS (not found)
    LambdaFunctions.Builder lambdas = LambdaFunctions.withSystemClockAndRandomIds();
    if (taskResponses != null) {
      TaskResponses.parse(label(taskResponses), inputs.read(taskResponses)).register(builder, lambdas);
    }
    builder.handler(lambdas.build());
    JsonNode inputNode;
    try {
      inputNode = Engine.parseInput(inputs.textOrFile(input));
    } catch (IllegalArgumentException e) {
      throw new Inputs.InputException("--input: " + e.getMessage());
    }
    RunOptions options = RunOptions.defaults()
        .withNames(name, executionName)
        .withType(express ? ExecutionType.EXPRESS : ExecutionType.STANDARD)
        .withTestCase(testCase);
    ExecutionResult result;
    try (Engine engine = builder.build()) {
      result = engine.run(machine, inputNode, options);
    }
    return print(result);
  }

  private int print(ExecutionResult r) {
    int code = r.status() == ExecutionStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILED;
    if (json || history) {
      ObjectNode o = Json.NODES.objectNode();
      o.put("status", r.status().name());
      o.set("output", r.output() == null ? Json.NODES.nullNode() : r.output());
      o.put("error", r.error());
      o.put("cause", r.cause());
      o.put("executionArn", r.executionArn());
      if (r.waitingFor() != null) {
        o.put("waitingFor", r.waitingFor());
      }
      if (history) {
        o.set("events", r.historyJson());
      }
      System.out.println(writeOrExplain(o));
      return code;
    }
    if (r.status() == ExecutionStatus.SUCCEEDED) {
      System.out.println(writeOrExplain(r.output()));
    } else if (r.waitingFor() != null) {
      System.err.println(r.status() + ": " + r.waitingFor() + " Give one in --task-responses.");
    } else {
      System.err.println(Outcomes.line(r.status().name(), r.error(), r.cause()));
    }
    return code;
  }

  /** Only a value built by the engine with payload checks off can be too deep to print; say so in one line. */
  private static String writeOrExplain(JsonNode value) {
    try {
      return Json.write(value);
    } catch (Json.TooDeepException e) {
      throw new Inputs.InputException("the result cannot be printed: " + e.getMessage());
    }
  }

  private static String label(String file) {
    return file.equals(Inputs.STDIN) ? "standard input" : file;
  }

  private static String baseName(String file) {
    if (file.equals(Inputs.STDIN)) {
      return "stdin";
    }
    String n = Path.of(file).getFileName().toString();
    for (String ext : new String[] {".asl.json", ".json"}) {
      if (n.endsWith(ext)) {
        return n.substring(0, n.length() - ext.length());
      }
    }
    return n;
  }
}
