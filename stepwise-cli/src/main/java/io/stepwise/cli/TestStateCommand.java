package io.stepwise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.integrations.http.HttpInvoke;
import io.stepwise.integrations.lambda.LambdaFunctions;
import io.stepwise.server.operations.teststate.TestState;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Response;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stepwise test-state}: TestState as AWS runs it, without a server. The options are
 * TestState's request members; what is printed is its response (or its error, as the API gives
 * it); the exit code says how the state ended.
 */
@Command(
    name = "test-state",
    mixinStandardHelpOptions = true,
    description = {"Runs one state once, as Step Functions' TestState API does, and prints TestState's response as JSON.",
      "A Task without --mock calls what Stepwise runs for its resource: the Lambda functions of --task-responses,"
          + " the HTTP Task; anything else fails as it does in 'stepwise run'."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      "0:Success. The state SUCCEEDED.",
      "1:The execution failed. Here: the state FAILED.",
      "2:Usage or input error, or TestState refused the request (ValidationException, InvalidExecutionInput, InvalidArn).",
      "3:A definition is invalid (InvalidDefinition).",
      "4:The state's error would be retried (RETRIABLE).",
      "5:The state's error was caught (CAUGHT_ERROR).",
      ExitCodes.INTERNAL_LINE})
final class TestStateCommand implements Callable<Integer> {
  static final int RETRIABLE = 4;
  static final int CAUGHT_ERROR = 5;
  /** The role a test runs as when none is given: there is no IAM here, and AWS requires one for a Task without a mock. */
  static final String DEFAULT_ROLE = "arn:aws:iam::123456789012:role/stepwise-test-state";

  @Option(names = "--definition", required = true, paramLabel = "FILE",
      description = "The definition of one state, or with --state-name of a whole state machine (JSON); - reads standard input.")
  String definition;

  @Option(names = "--state-name", paramLabel = "NAME", description = "The state of the state machine in --definition to test.")
  String stateName;

  @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The state's input (default {}).")
  String input;

  @Option(names = "--variables", paramLabel = "JSON|@FILE", description = "The variables in force, as a JSON object.")
  String variables;

  @Option(names = "--context", paramLabel = "JSON|@FILE", description = "The whole context object the state sees; needs --mock.")
  String context;

  @Option(names = "--mock", paramLabel = "JSON|@FILE",
      description = "TestState's mock: {\"result\": ...} or {\"errorOutput\": {\"error\": ..., \"cause\": ...}}, with"
          + " \"fieldValidationMode\" STRICT (default), PRESENT or NONE. A result may be given as JSON, or as a string of JSON as the API takes it.")
  String mock;

  @Option(names = "--state-configuration", paramLabel = "JSON|@FILE",
      description = "TestState's stateConfiguration: retrierRetryCount, mapIterationFailureCount, mapItemReaderData, errorCausedByState.")
  String stateConfiguration;

  @Option(names = "--inspection-level", paramLabel = "LEVEL", description = "INFO (default), DEBUG or TRACE.")
  String inspectionLevel;

  @Option(names = "--reveal-secrets", description = "TestState's revealSecrets.")
  boolean revealSecrets;

  @Option(names = "--role-arn", paramLabel = "ARN", description = "The role the test runs as (default: the role stepwise-test-state of account 123456789012).")
  String roleArn;

  @Option(names = "--task-responses", paramLabel = "FILE",
      description = "Canned task results, as for 'stepwise run': what an unmocked Task's resource or Lambda function returns or throws.")
  String taskResponses;

  private final Inputs inputs = Inputs.fromSystemIn();

  @Override
  public Integer call() {
    ObjectNode body = request();
    Engine.Builder builder = Engine.builder();
    LambdaFunctions.Builder lambdas = LambdaFunctions.withSystemClockAndRandomIds();
    if (taskResponses != null) {
      TaskResponses.parse(taskResponses, inputs.read(taskResponses)).register(builder, lambdas);
    }
    builder.handler(lambdas.build()).handler(new HttpInvoke());
    try (Engine engine = builder.build()) {
      TestState op = new TestState(engine);
      JsonNode answer;
      try {
        JsonInput in = JsonInput.of(body);
        TestState.Request request = op.read(in);
        in.finish();
        Response response = op.handle(request, null);
        JsonOutput out = JsonOutput.create();
        response.write(out);
        answer = out.node();
      } catch (ApiException e) {
        ObjectNode error = Json.NODES.objectNode();
        error.put("__type", e.code());
        error.put("message", e.getMessage());
        System.out.println(Json.write(error));
        return e.code().equals("InvalidDefinition") ? ExitCodes.INVALID_DEFINITION : ExitCodes.USAGE;
      }
      System.out.println(Json.write(answer));
      return switch (answer.path("status").asText()) {
        case "SUCCEEDED" -> ExitCodes.OK;
        case "RETRIABLE" -> RETRIABLE;
        case "CAUGHT_ERROR" -> CAUGHT_ERROR;
        default -> ExitCodes.FAILED;
      };
    }
  }

  /** The TestState request the options make, each JSON member as the API's string. */
  private ObjectNode request() {
    ObjectNode b = Json.NODES.objectNode();
    b.put("definition", inputs.read(definition));
    put(b, "stateName", stateName);
    put(b, "input", inputs.textOrFile(input));
    put(b, "variables", inputs.textOrFile(variables));
    put(b, "context", inputs.textOrFile(context));
    put(b, "inspectionLevel", inspectionLevel);
    if (revealSecrets) {
      b.put("revealSecrets", true);
    }
    b.put("roleArn", roleArn == null ? DEFAULT_ROLE : roleArn);
    if (mock != null) {
      JsonNode m = object("--mock", inputs.textOrFile(mock));
      JsonNode result = m.get("result");
      if (result != null && !result.isTextual() && !result.isNull()) {
        ((ObjectNode) m).put("result", Json.write(result)); // a result given as JSON, not as the API's string of it
      }
      b.set("mock", m);
    }
    if (stateConfiguration != null) {
      JsonNode c = object("--state-configuration", inputs.textOrFile(stateConfiguration));
      JsonNode data = c.get("mapItemReaderData");
      if (data != null && !data.isTextual() && !data.isNull()) {
        ((ObjectNode) c).put("mapItemReaderData", Json.write(data));
      }
      b.set("stateConfiguration", c);
    }
    return b;
  }

  private static void put(ObjectNode b, String member, String value) {
    if (value != null) {
      b.put(member, value);
    }
  }

  private static JsonNode object(String option, String text) {
    JsonNode v;
    try {
      v = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new Inputs.InputException(option + ": not valid JSON: " + Json.problem(e));
    }
    if (!v.isObject()) {
      throw new Inputs.InputException(option + ": must be a JSON object");
    }
    return v;
  }
}
