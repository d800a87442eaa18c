package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.StateGraph;
import io.stepwise.asl.model.TaskState;
import java.util.List;

/**
 * What TestState refuses before it runs anything: a mock for a state that does no work, work that
 * runs only on a mock, a mocked result of the wrong shape for a Map or Parallel, a context AWS
 * would not take, and stateConfiguration for a state it does not apply to. The messages are
 * AWS's where its answers are recorded (docs/testing.md says which are inferred).
 */
final class MockChecks {
  /** The name a state given on its own goes by (AWS's recorded tests name it so). */
  private static final String TESTED = "TestState";

  private MockChecks() {}

  static void check(StateTest t) {
    State s = t.state();
    boolean fanOut = s instanceof ParallelState || s instanceof MapState;
    if (t.mock() != null && !(s instanceof TaskState || fanOut)) {
      throw new StateTestRefusedException("State type '" + s.typeName() + "' is not supported when a mock is specified");
    }
    if (t.mock() == null && fanOut) {
      throw new StateTestRefusedException("TestState API does not support Map or Parallel states. "
          + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]", true);
    }
    if (t.mock() == null && s instanceof TaskState task) {
      if (task.resourceArn().type() == ResourceArn.Type.ACTIVITY) {
        throw new StateTestRefusedException("TestState supports Activity tasks only with a mock");
      }
      if (StateTester.callback(task)) {
        throw new StateTestRefusedException("TestState supports the .sync and .waitForTaskToken integration patterns only with a mock");
      }
    }
    if (t.mock() instanceof Mock.Result r) {
      result(s, r.value());
    }
    if (t.context() != null) {
      ContextObjects.check(t.context(), s);
    }
    settings(t.map(), s);
  }

  private static void result(State s, JsonNode v) {
    if (s instanceof MapState m) {
      if (m.resultWriter() != null && !v.isObject()) {
        throw new StateTestRefusedException("Mocked result must be a JSON object.");
      }
      if (m.resultWriter() == null && !v.isArray()) {
        throw new StateTestRefusedException("Mocked result must be an array.");
      }
    } else if (s instanceof ParallelState p) {
      if (!v.isArray()) {
        throw new StateTestRefusedException("Mocked result must be an array.");
      }
      if (v.size() != p.branches().size()) {
        throw new StateTestRefusedException("Mocked result must contain the same number of items as number of Parallel branches.");
      }
    }
  }

  /** stateConfiguration's Map fields (inferred: AWS's answers for these are not recorded). */
  private static void settings(StateTest.MapSettings m, State s) {
    if (m.iterationFailureCount() != null && !(s instanceof MapState)) {
      throw new StateTestRefusedException("mapIterationFailureCount can only be specified when testing a Map state");
    }
    if (m.itemReaderData() != null && !(s instanceof MapState map && map.itemReader() != null)) {
      throw new StateTestRefusedException("mapItemReaderData can only be specified when testing a Map state with an ItemReader");
    }
    if (m.errorCausedByState() != null) {
      List<StateGraph> inner = switch (s) {
        case ParallelState p -> p.branches();
        case MapState map -> List.of(map.processor());
        default -> throw new StateTestRefusedException("errorCausedByState can only be specified when testing a Map or Parallel state");
      };
      if (!m.errorCausedByState().equals(s.name()) && !m.errorCausedByState().equals(TESTED) && !within(inner, m.errorCausedByState())) {
        throw new StateTestRefusedException("errorCausedByState '" + m.errorCausedByState() + "' is not a state of the "
            + s.typeName() + " state under test");
      }
    }
  }

  private static boolean within(List<StateGraph> graphs, String name) {
    for (StateGraph g : graphs) {
      if (g.state(name) != null) {
        return true;
      }
      for (State each : g.states().values()) {
        List<StateGraph> deeper = switch (each) {
          case ParallelState p -> p.branches();
          case MapState map -> List.of(map.processor());
          default -> List.of();
        };
        if (within(deeper, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
