package io.stepwise.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.mock.InvalidMockConfigException;
import io.stepwise.engine.mock.MockConfig;
import io.stepwise.engine.mock.MockConfigParser;
import io.stepwise.engine.mock.MockedResponse;
import io.stepwise.engine.mock.TestCase;
import io.stepwise.engine.task.TaskInvoker;
import io.stepwise.testing.Outcome;
import io.stepwise.testing.StateNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One loaded state machine with the mocks of its Task states, by state name. Each {@link #run}
 * is an execution in memory with fast time (a Wait state or a retry's back-off takes no wall
 * time) that ends before {@code run} returns. A Task state that is not mocked goes to what
 * {@link #invoker} registered for its resource, else fails with States.TaskFailed.
 */
public final class Workflow {
  private static final String TEST_CASE = "test";

  private final Workflows owner;
  private final StateMachine machine;
  private final Map<String, State> states;
  private String name;
  private final Map<String, Mock> mocks = new LinkedHashMap<>();
  private final Map<String, TaskInvoker> invokers = new LinkedHashMap<>();

  Workflow(Workflows owner, StateMachine machine, String name) {
    this.owner = owner;
    this.machine = machine;
    this.states = StateNames.all(machine);
    this.name = name;
  }

  /** The state machine's name, as {@code $$.StateMachine.Name} and the execution's ARN see it. */
  public Workflow named(String machineName) {
    this.name = Objects.requireNonNull(machineName, "machineName");
    return this;
  }

  /** The Task state of this name answers with the mock (replacing an earlier one) in every run from now on. */
  public Workflow mock(String state, Mock mock) {
    State s = states.get(state);
    if (s == null || !s.typeName().equals("Task")) {
      TreeSet<String> tasks = new TreeSet<>();
      states.forEach((n, st) -> {
        if (st.typeName().equals("Task")) {
          tasks.add(n);
        }
      });
      throw new IllegalArgumentException((s == null ? "the definition has no state \"" + state + "\""
          : "the state \"" + state + "\" is a " + s.typeName() + " state: only Task states can be mocked")
          + " (its Task states: " + String.join(", ", tasks) + ")");
    }
    mocks.put(state, Objects.requireNonNull(mock, "mock"));
    return this;
  }

  /**
   * Mocks the states that a test case of a Step Functions Local file (MockConfigFile.json) mocks,
   * as they are mocked there; the test case is looked up under this machine's name ({@link #named}).
   * A file that cannot be read or used, or a test case it does not hold, throws, naming the problem.
   */
  public Workflow mockConfig(Path file, String testCase) {
    MockConfig config;
    try {
      config = MockConfigParser.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mock configuration " + file, e);
    } catch (InvalidMockConfigException e) {
      throw new IllegalArgumentException(file + ": invalid mock configuration\n" + e.getMessage(), e);
    }
    TestCase tc = config.testCase(name, testCase).orElseThrow(() -> new IllegalArgumentException(
        "the test case \"" + testCase + "\" of the state machine \"" + name + "\" is not in " + file + " (its state machines: "
            + String.join(", ", new TreeSet<>(config.stateMachines().keySet())) + "; named(...) says which machine this is)"));
    tc.responses().forEach((state, response) -> mock(state, Mock.of(config.response(response).orElseThrow())));
    return this;
  }

  /** What answers a Task state's resource (exact ARN) when the state is not mocked: a fake of your own. */
  public Workflow invoker(String resourceArn, TaskInvoker invoker) {
    invokers.put(resourceArn, invoker);
    return this;
  }

  /** Runs one execution with this JSON input. */
  public WorkflowRun run(String inputJson) {
    return run(Engine.parseInput(inputJson));
  }

  /** Runs one execution with the input {}. */
  public WorkflowRun run() {
    return run("{}");
  }

  public WorkflowRun run(JsonNode input) {
    Map<String, MockedResponse> responses = new LinkedHashMap<>();
    Map<String, String> byState = new LinkedHashMap<>();
    mocks.forEach((state, mock) -> {
      responses.put(state, mock.response(state));
      byState.put(state, state);
    });
    MockConfig config = new MockConfig(Map.of(name, Map.of(TEST_CASE, new TestCase(name, TEST_CASE, byState))), responses);
    Engine.Builder builder = owner.engine().mocks(config);
    invokers.forEach(builder::invoker);
    Engine engine = builder.build();
    owner.opened(engine);
    ExecutionResult result = engine.run(machine, input, RunOptions.defaults().withNames(name, null).withTestCase(TEST_CASE));
    return new WorkflowRun(name, input, Outcome.of(result, machine));
  }
}
