package io.stepwise.runtime;

import io.stepwise.asl.model.MapMode;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.run.ItemProcessors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The compiled definitions executions run, by the digest their records name: a definition is
 * parsed once however many executions run it, and an execution is restored under exactly the
 * definition it started with, even after its state machine was updated. Registering a definition
 * registers its Distributed Maps' item processors too, which is how a child is restored.
 */
public final class Machines {
  private final Map<String, StateMachine> byDigest = new ConcurrentHashMap<>();
  private final Function<String, Optional<String>> definitionText;

  /** @param definitionText the stored text of a definition by its digest, for one not registered since the start */
  public Machines(Function<String, Optional<String>> definitionText) {
    this.definitionText = definitionText;
  }

  public StateMachine register(StateMachine machine) {
    StateMachine known = byDigest.putIfAbsent(machine.definitionSha256(), machine);
    if (known == null) {
      processors(machine, machine.graph());
      return machine;
    }
    return known;
  }

  /** The definition of this digest: registered, or parsed from its stored text; empty when unknown. */
  public Optional<StateMachine> byDigest(String sha256) {
    StateMachine m = byDigest.get(sha256);
    if (m != null) {
      return Optional.of(m);
    }
    return definitionText.apply(sha256).map(text -> register(StateMachineParser.parse(text)));
  }

  private void processors(StateMachine root, StateGraph g) {
    for (State s : g.states().values()) {
      if (s instanceof MapState m) {
        if (m.mode() == MapMode.DISTRIBUTED) {
          // a child machine's own Distributed Maps are named by its digest, not the root's
          StateMachine child = ItemProcessors.of(root, m.name());
          if (child != null && byDigest.putIfAbsent(child.definitionSha256(), child) == null) {
            processors(child, child.graph());
          }
        } else {
          processors(root, m.processor());
        }
      } else if (s instanceof ParallelState p) {
        for (StateGraph b : p.branches()) {
          processors(root, b);
        }
      }
    }
  }
}
