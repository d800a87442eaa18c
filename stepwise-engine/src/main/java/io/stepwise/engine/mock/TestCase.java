package io.stepwise.engine.mock;

import java.util.Map;

/**
 * One test case of a state machine in a mock configuration: which {@link MockedResponse} answers
 * each mocked Task state, by state name. A state not named calls what is registered for its
 * resource, as without mocks.
 */
public record TestCase(String stateMachine, String name, Map<String, String> responses) {
  public TestCase {
    responses = Map.copyOf(responses);
  }

  /** The name of the mocked response for the state, or null when the state is not mocked. */
  public String responseFor(String stateName) {
    return responses.get(stateName);
  }
}
