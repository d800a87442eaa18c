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
 */
public record MockConfig(Map<String, Map<String, TestCase>> stateMachines, Map<String, MockedResponse> responses) {
  /** No state machine has test cases. */
  public static final MockConfig EMPTY = new MockConfig(Map.of(), Map.of());

  public MockConfig {
    stateMachines = Map.copyOf(stateMachines);
    responses = Map.copyOf(responses);
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
