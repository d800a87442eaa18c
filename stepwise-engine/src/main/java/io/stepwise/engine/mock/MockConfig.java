package io.stepwise.engine.mock;

import java.util.Map;
import java.util.Optional;

/**
 * A mock configuration, as Step Functions Local reads its {@code MockConfigFile.json}: test cases
 * by state machine name, and the mocked responses they name. Pure data: {@link MockConfigParser}
 * reads it from JSON; the engine is given it with {@code Engine.Builder.mocks}.
 *
 * @param stateMachines the test cases of each state machine, by machine name and then case name
 * @param responses the mocked responses by name
 * @param source where it was read from, for messages (a file's path), or null
 */
public record MockConfig(Map<String, Map<String, TestCase>> stateMachines, Map<String, MockedResponse> responses, String source) {
  /** No state machine has test cases. */
  public static final MockConfig EMPTY = new MockConfig(Map.of(), Map.of(), null);

  public MockConfig {
    stateMachines = Map.copyOf(stateMachines);
    responses = Map.copyOf(responses);
  }

  public MockConfig(Map<String, Map<String, TestCase>> stateMachines, Map<String, MockedResponse> responses) {
    this(stateMachines, responses, null);
  }

  /** The same configuration, saying where it was read from. */
  public MockConfig from(String where) {
    return new MockConfig(stateMachines, responses, where);
  }

  /** Whether it holds any test case (an empty configuration is what an engine has without one). */
  public boolean isEmpty() {
    return stateMachines.isEmpty() && responses.isEmpty();
  }

  public boolean hasStateMachine(String name) {
    return stateMachines.containsKey(name);
  }

  public Optional<TestCase> testCase(String stateMachine, String name) {
    Map<String, TestCase> cases = stateMachines.get(stateMachine);
    return Optional.ofNullable(cases == null ? null : cases.get(name));
  }

  public Optional<MockedResponse> response(String name) {
    return Optional.ofNullable(responses.get(name));
  }

  /** The answer to a call, if its response is here and covers the call's number. */
  public Optional<MockAnswer> answer(MockCall call) {
    return response(call.response()).flatMap(r -> r.answer(call.call()));
  }
}
