package io.stepwise.server.operations.executions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.runtime.Refusal;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.model.RoutingEntry;
import io.stepwise.server.model.StateMachineType;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.registry.AliasRecord;
import io.stepwise.server.registry.Revision;
import io.stepwise.server.registry.StateMachineRecord;
import io.stepwise.server.registry.VersionRecord;
import io.stepwise.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * What the execution operations share: the durable runtime and its store for Standard
 * executions, the engine (Express executions run in memory), and how a state machine ARN
 * (unqualified, a version's, an alias's) becomes the definition an execution runs.
 */
public final class Executions {
  /** AWS's limit on an execution's input: 256 KiB. */
  static final int MAX_INPUT_BYTES = 256 * 1024;

  final Services services;
  final DurableRuntime runtime;
  final Store store;
  final Engine engine;
  final io.stepwise.server.backend.ExecutionBackend backend;
  private final RandomGenerator routing;
  private final Map<String, StateMachine> parsed = new ConcurrentHashMap<>();

  public Executions(Services services, io.stepwise.server.backend.ExecutionBackend backend, RandomGenerator routing) {
    this.services = services;
    this.backend = backend;
    this.runtime = backend.runtime();
    this.store = backend.store();
    this.engine = backend.engine();
    this.routing = routing;
  }

  /**
   * What StartExecution runs: the definition, the state machine it belongs to, the version and
   * alias it came through, and the state machine as DescribeStateMachineForExecution will describe it.
   */
  record Target(StateMachineRecord machine, StateMachine definition, String roleArn, String versionArn, String aliasArn,
      StartedWith startedWith) {}

  Target target(String arn) {
    StateMachineRef ref = Arns.parseStateMachine(arn);
    if (ref.label() != null) {
      throw Errors.stateMachineDoesNotExist(arn);
    }
    return services.registry().read(view -> {
      StateMachineRecord sm = view.stateMachine(ref.baseArn()).orElseThrow(() -> Errors.stateMachineDoesNotExist(arn));
      if (sm.status() == io.stepwise.server.model.StateMachineStatus.DELETING) {
        throw Errors.stateMachineDeleting(ref.baseArn());
      }
      if (ref.isUnqualified()) {
        return target(sm, sm.revision(), sm.updateDate().toEpochMilli(), null, null);
      }
      String versionArn = ref.version() != null ? arn : null;
      String aliasArn = null;
      if (ref.alias() != null) {
        AliasRecord alias = view.alias(arn).orElseThrow(() -> Errors.resourceNotFound(arn));
        aliasArn = alias.arn();
        versionArn = pick(alias);
      }
      String v = versionArn;
      VersionRecord version = view.version(v).orElseThrow(() -> Errors.stateMachineDoesNotExist(v));
      return target(sm, version.revision(), version.creationDate().toEpochMilli(), versionArn, aliasArn);
    });
  }

  private Target target(StateMachineRecord sm, Revision revision, long revisionDate, String versionArn, String aliasArn) {
    StateMachine def = parsed.computeIfAbsent(revision.definition(), StateMachineParser::parse);
    return new Target(sm, def, revision.roleArn(), versionArn, aliasArn, StartedWith.of(sm, revision, def.definitionSha256(), revisionDate));
  }

  /** The digest of a definition text, parsed once. */
  String digest(String definition) {
    return parsed.computeIfAbsent(definition, StateMachineParser::parse).definitionSha256();
  }

  /** An alias routes each new execution to one of its versions, by their weights. */
  private String pick(AliasRecord alias) {
    int roll = routing.nextInt(100);
    int sum = 0;
    for (RoutingEntry e : alias.routing()) {
      sum += e.weight();
      if (roll < sum) {
        return e.stateMachineVersionArn();
      }
    }
    return alias.routing().get(alias.routing().size() - 1).stateMachineVersionArn();
  }

  /**
   * What both StartExecution and StartSyncExecution are given, checked: the target, the name (a UUID
   * when none), the input, and the test case of the mock configuration it runs with (null for none).
   */
  record Start(Target target, String name, JsonNode input, String testCase) {
    /** The options to run it with: its test case's mocks, if it has one. */
    io.stepwise.engine.RunOptions with(io.stepwise.engine.RunOptions options) {
      return testCase == null ? options : options.withTestCase(testCase);
    }
  }

  Start start(StartExecution.Request r) {
    // Step Functions Local's selection of a test case: STATE_MACHINE_ARN#TestCaseName
    String arn = r.stateMachineArn();
    int hash = arn.indexOf('#');
    String testCase = hash < 0 ? null : arn.substring(hash + 1);
    Target t = target(hash < 0 ? arn : arn.substring(0, hash));
    String name = r.name() != null ? r.name() : engine.config().uuids().get();
    if (!io.stepwise.server.arn.Names.valid(name)) {
      throw Errors.invalidName(name);
    }
    JsonNode input = input(r.input());
    if (testCase != null) {
      checkTestCase(t.machine().name(), testCase);
    }
    return new Start(t, name, input, testCase);
  }

  /** The test case must be the mock configuration's for the state machine: else ValidationException naming both and the file. */
  private void checkTestCase(String machine, String testCase) {
    io.stepwise.engine.mock.MockConfig mocks = engine.config().mocks();
    String file = mocks.source() == null ? "the mock configuration" : "the mock configuration " + mocks.source();
    if (mocks.isEmpty() && mocks.source() == null) {
      throw Errors.validation("The state machine ARN names the test case '" + testCase
          + "', but no mock configuration is loaded (stepwise serve --mock-config FILE, or SFN_MOCK_CONFIG)");
    }
    if (!mocks.hasStateMachine(machine)) {
      throw Errors.validation("The state machine '" + machine + "' is not in " + file + " (asked for its test case '" + testCase + "')");
    }
    if (mocks.testCase(machine, testCase).isEmpty()) {
      throw Errors.validation("The test case '" + testCase + "' is not among the TestCases of the state machine '" + machine + "' in " + file);
    }
  }

  static boolean isExpress(Target t) {
    return t.machine().type() == StateMachineType.EXPRESS;
  }

  /** The execution input: at most 256 KiB of JSON, else InvalidExecutionInput. */
  static JsonNode input(String text) {
    String s = text == null ? "{}" : text;
    if (s.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
      throw ApiException.client("InvalidExecutionInput", "Provided input is larger than the 262144 bytes limit");
    }
    try {
      return Json.parse(s);
    } catch (JsonProcessingException e) {
      throw ApiException.client("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + Json.problem(e) + "'");
    }
  }

  /** A task's output (SendTaskSuccess): JSON, else InvalidOutput. */
  static JsonNode outputJson(String text) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw ApiException.client("InvalidOutput", "Invalid Task Output: '" + Json.problem(e) + "'");
    }
  }

  static ApiException executionDoesNotExist(String arn) {
    return ApiException.client("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  /** The runtime's refusal as AWS's error. */
  static ApiException error(Refusal r, String arn) {
    return switch (r.kind()) {
      case EXECUTION_DOES_NOT_EXIST -> executionDoesNotExist(arn);
      case EXECUTION_ALREADY_EXISTS -> ApiException.client("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      case EXECUTION_ENDED, REFUSED_BY_EXECUTION, TASK_DOES_NOT_EXIST -> ApiException.client("TaskTimedOut",
          "Task Timed Out: 'Provided task does not exist anymore'");
      case OVERLOADED -> new ApiException(400, "ThrottlingException", "Rate exceeded");
      case DEFINITION_MISSING -> new ApiException(500, "InternalFailure", r.getMessage());
      case NOT_REDRIVABLE -> RedriveExecution.notRedrivable(r.getMessage());
    };
  }
}
