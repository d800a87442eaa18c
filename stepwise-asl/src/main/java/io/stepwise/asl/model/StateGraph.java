package io.stepwise.asl.model;

import java.util.Map;

/**
 * A set of states with a start: the machine itself, a Parallel branch, or a Map's item processor.
 * Transitions never leave a graph.
 *
 * @param states by name, in definition order
 */
public record StateGraph(String startAt, Map<String, State> states, QueryLanguage queryLanguage) {
  public State start() {
    return states.get(startAt);
  }

  public State state(String name) {
    return states.get(name);
  }
}
