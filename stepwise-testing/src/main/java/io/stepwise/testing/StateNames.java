package io.stepwise.testing;

import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.StateMachine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The states of a machine by name: every one (names are unique in the whole machine), or the top level's. */
public final class StateNames {
  private StateNames() {}

  /** Every state, those of Parallel branches and Map item processors too, in definition order. */
  public static Map<String, State> all(StateMachine machine) {
    Map<String, State> out = new LinkedHashMap<>();
    collect(machine.graph(), out);
    return out;
  }

  /** The names of the top-level states: the scope whose variables an execution ends with. */
  public static Set<String> topLevel(StateMachine machine) {
    return machine.graph().states().keySet();
  }

  private static void collect(StateGraph graph, Map<String, State> out) {
    for (State s : graph.states().values()) {
      out.put(s.name(), s);
      if (s instanceof ParallelState p) {
        p.branches().forEach(b -> collect(b, out));
      } else if (s instanceof MapState m) {
        collect(m.processor(), out);
      }
    }
  }
}
