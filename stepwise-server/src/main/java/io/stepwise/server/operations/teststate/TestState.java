package io.stepwise.server.operations.teststate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.TaskState;
import io.stepwise.engine.Engine;
import io.stepwise.engine.teststate.Mock;
import io.stepwise.engine.teststate.StateTest;
import io.stepwise.engine.teststate.StateTestRefusedException;
import io.stepwise.engine.teststate.StateTestResult;
import io.stepwise.engine.teststate.StateTester;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.operations.statemachines.StateMachineRules;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.IntShape;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.StringShape;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TestState: one state run once, without a state machine or an execution, answered with its
 * output or error, its next state, and at DEBUG and TRACE what each stage of its input and
 * output processing produced. The engine's {@link StateTester} runs it; a Task calls what the
 * engine has registered for its resource unless the request mocks the call.
 */
public final class TestState implements Operation<TestState.Request, TestStateResponse> {
  static final StringShape SENSITIVE_DATA = StringShape.length(null, 262_144).sensitiveValue();
  static final StringShape SENSITIVE_ERROR = StringShape.length(0, 256).sensitiveValue();
  static final StringShape SENSITIVE_CAUSE = StringShape.length(0, 32_768).sensitiveValue();
  static final StringShape STATE_NAME = StringShape.length(1, 80).sensitiveValue();
  static final IntShape COUNT = IntShape.range(0, null);
  private static final int MAX_INPUT_BYTES = 262_144;

  /** The model's InspectionLevel. */
  public enum InspectionLevel { INFO, DEBUG, TRACE }

  /** The model's MockResponseValidationMode: how a mocked service result is held to the service's response shape. */
  public enum FieldValidationMode { STRICT, PRESENT, NONE }

  /** The request's mock: a result or an error output, never both. */
  public record MockRequest(String result, boolean hasErrorOutput, String error, String cause, FieldValidationMode mode) {}

  /** The request's stateConfiguration: retries made, and for a Map or Parallel what its iterations did. */
  public record Configuration(Integer retrierRetryCount, String errorCausedByState, Integer mapIterationFailureCount,
      String mapItemReaderData) {}

  public record Request(String definition, String roleArn, String input, InspectionLevel inspectionLevel, Boolean revealSecrets,
      String variables, String stateName, MockRequest mock, String context, Configuration configuration) {}

  private final StateTester tester;
  private final HttpTraces http;

  public TestState(Engine engine) {
    this.tester = new StateTester(engine);
    this.http = new HttpTraces(engine);
  }

  @Override
  public String name() {
    return "TestState";
  }

  @Override
  public Request read(JsonInput in) {
    String definition = in.string("definition", Shapes.DEFINITION, true);
    String roleArn = in.string("roleArn", Shapes.ARN, false);
    String input = in.string("input", SENSITIVE_DATA, false);
    InspectionLevel level = in.enumValue("inspectionLevel", InspectionLevel.class, false);
    Boolean reveal = in.bool("revealSecrets");
    String variables = in.string("variables", SENSITIVE_DATA, false);
    String stateName = in.string("stateName", STATE_NAME, false);
    MockRequest mock = null;
    JsonInput m = in.structure("mock", false);
    if (m != null) {
      JsonInput e = m.structure("errorOutput", false);
      mock = new MockRequest(m.string("result", SENSITIVE_DATA, false), e != null,
          e == null ? null : e.string("error", SENSITIVE_ERROR, false), e == null ? null : e.string("cause", SENSITIVE_CAUSE, false),
          m.enumValue("fieldValidationMode", FieldValidationMode.class, false));
    }
    String context = in.string("context", SENSITIVE_DATA, false);
    Configuration config = null;
    JsonInput c = in.structure("stateConfiguration", false);
    if (c != null) {
      config = new Configuration(c.integer("retrierRetryCount", COUNT, false), c.string("errorCausedByState", STATE_NAME, false),
          c.integer("mapIterationFailureCount", COUNT, false), c.string("mapItemReaderData", SENSITIVE_DATA, false));
    }
    return new Request(definition, roleArn, input, level, reveal, variables, stateName, mock, context, config);
  }

  @Override
  public TestStateResponse handle(Request r, RequestContext context) {
    if (r.roleArn() != null) {
      StateMachineRules.checkRoleArn(r.roleArn());
    }
    Mock mock = mock(r.mock());
    if (mock != null && Boolean.TRUE.equals(r.revealSecrets())) {
      throw validation("TestState does not support RevealSecrets when a mock is specified.");
    }
    if (r.context() != null && mock == null) {
      throw validation("A context can only be specified together with a mock");
    }
    State state = TestedStates.of(r.definition(), r.stateName());
    if (state instanceof TaskState && mock == null && r.roleArn() == null) {
      throw validation("RoleArn must be specified when testing a Task state");
    }
    if (mock instanceof Mock.Result result && state instanceof TaskState task) {
      MockResultShapes.check(task, result.value(), r.mock().mode() == null ? FieldValidationMode.STRICT : r.mock().mode());
    }
    JsonNode input = json(r.input(), "input");
    Map<String, JsonNode> variables = variables(r.variables());
    JsonNode ctx = r.context() == null ? null : json(r.context(), "context");
    Configuration c = r.configuration() == null ? new Configuration(null, null, null, null) : r.configuration();
    int retries = c.retrierRetryCount() == null ? 0 : c.retrierRetryCount();
    StateTest test = new StateTest(state, input, variables, ctx, mock, retries, r.roleArn(),
        new StateTest.MapSettings(c.mapIterationFailureCount(), c.mapItemReaderData(), c.errorCausedByState()));
    InspectionLevel level = r.inspectionLevel() == null ? InspectionLevel.INFO : r.inspectionLevel();
    HttpTraces.Trace trace = null;
    StateTestResult result;
    try {
      if (level == InspectionLevel.TRACE && mock == null && state instanceof TaskState task && http.traces(task)) {
        HttpTraces.Traced traced = http.call(test, tester);
        result = traced.result();
        trace = traced.trace();
      } else {
        result = tester.test(test);
      }
    } catch (StateTestRefusedException e) {
      throw ApiException.client(e.invalidDefinition() ? "InvalidDefinition" : "ValidationException", e.getMessage());
    }
    return new TestStateResponse(result, level != InspectionLevel.INFO, trace);
  }

  private static Mock mock(MockRequest m) {
    if (m == null) {
      return null;
    }
    if (m.result() != null && m.hasErrorOutput()) {
      throw validation("A test mock should have only one of the following fields: [result, errorOutput].");
    }
    if (m.hasErrorOutput()) {
      if (m.error() == null) {
        throw validation("The error field is required when mock.errorOutput is specified");
      }
      return new Mock.Failure(m.error(), m.cause());
    }
    if (m.result() == null) {
      throw validation("A test mock should have one of the following fields: [result, errorOutput].");
    }
    try {
      return new Mock.Result(Json.parse(m.result()));
    } catch (JsonProcessingException e) {
      throw validation("Mocked result must be valid JSON");
    }
  }

  private static Map<String, JsonNode> variables(String text) {
    if (text == null) {
      return Map.of();
    }
    JsonNode v = json(text, "variables");
    if (!v.isObject()) {
      throw ApiException.client("InvalidExecutionInput", "The variables must be a JSON object");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** A JSON member of the request: at most 256 KiB, else (or when malformed) InvalidExecutionInput. */
  private static JsonNode json(String text, String member) {
    String s = text == null ? "{}" : text;
    if (s.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
      throw ApiException.client("InvalidExecutionInput", "Provided " + member + " is larger than the 262144 bytes limit");
    }
    try {
      return Json.parse(s);
    } catch (JsonProcessingException e) {
      throw ApiException.client("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + Json.problem(e) + "'");
    }
  }

  private static ApiException validation(String message) {
    return ApiException.client("ValidationException", message);
  }
}
