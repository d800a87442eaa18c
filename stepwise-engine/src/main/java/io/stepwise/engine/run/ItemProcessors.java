package io.stepwise.engine.run;

import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.StateMachine;

/**
 * The state machine a Distributed Map's children run: its ItemProcessor. It has no definition
 * text of its own, so its digest names the parent's definition and the Map state; rebuilding it
 * from the parent gives the same digest, which is how a child is restored after a crash.
 */
public final class ItemProcessors {
  private ItemProcessors() {}

  static StateMachine of(StateMachine parent, MapState m) {
    return new StateMachine(m.processor(), null, null, parent.queryLanguage(), null,
        StateMachine.sha256(parent.definitionSha256() + "#ItemProcessor:" + m.name()));
  }

  /** The ItemProcessor of the Map state of this name, anywhere in the definition; null when there is none. */
  public static StateMachine of(StateMachine parent, String mapStateName) {
    MapState m = find(parent.graph(), mapStateName);
    return m == null ? null : of(parent, m);
  }

  private static MapState find(StateGraph g, String name) {
    for (State s : g.states().values()) {
      if (s instanceof MapState m) {
        if (m.name().equals(name)) {
          return m;
        }
        MapState inner = find(m.processor(), name);
        if (inner != null) {
          return inner;
        }
      } else if (s instanceof ParallelState p) {
        for (StateGraph branch : p.branches()) {
          MapState inner = find(branch, name);
          if (inner != null) {
            return inner;
          }
        }
      }
    }
    return null;
  }
}
