package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.ParallelState;
import io.stepwise.asl.model.State;
import io.stepwise.asl.model.TaskState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The context object ($$, JSONata's $states.context) a tested state sees: the one the test gives,
 * whole and as given, once checked as AWS checks it; else one made up as AWS makes it (an Express
 * execution of a machine of its own, the state named "StateName").
 */
final class ContextObjects {
  /** What AWS's TestState shows as $$.State.Name, whatever the state is called. */
  static final String STATE_NAME = "StateName";

  static final String MACHINE_NAME = "TestStateMachine";

  /** The fields a given context may hold, by section, and which of them must be text or whole numbers. */
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "Execution", Set.of("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"),
      "State", Set.of("EnteredTime", "Name", "RetryCount"),
      "StateMachine", Set.of("Id", "Name"),
      "Task", Set.of("Token"));

  private static final Set<String> INTEGERS = Set.of("RetryCount", "RedriveCount");

  private ContextObjects() {}

  static ObjectNode madeUp(StateTest t, String region, String account, long nowMillis) {
    String now = Instant.ofEpochMilli(nowMillis).toString();
    String name = UUID.randomUUID().toString();
    ObjectNode c = Json.NODES.objectNode();
    ObjectNode e = c.putObject("Execution");
    e.put("Id", "arn:aws:states:" + region + ":" + account + ":express:" + MACHINE_NAME + ":" + name);
    e.set("Input", t.input());
    e.put("Name", name);
    e.put("RoleArn", t.roleArn()); // null when the test names no role, as AWS shows it
    e.put("StartTime", now);
    ObjectNode m = c.putObject("StateMachine");
    m.put("Id", "arn:aws:states:" + region + ":" + account + ":stateMachine:" + MACHINE_NAME);
    m.put("Name", MACHINE_NAME);
    ObjectNode s = c.putObject("State");
    s.put("Name", STATE_NAME);
    s.put("EnteredTime", now);
    State st = t.state();
    if (st instanceof TaskState || st instanceof ParallelState || st instanceof MapState) {
      s.put("RetryCount", t.retrierRetryCount());
    }
    if (st instanceof TaskState task && StateTester.callback(task)) {
      // inferred: a callback Task's Parameters commonly send $$.Task.Token, which must then be there
      c.putObject("Task").put("Token", UUID.randomUUID().toString());
    }
    return c;
  }

  /** Refuses a given context AWS would refuse, in its words. */
  static void check(JsonNode given, State state) {
    if (!given.isObject()) {
      throw invalid("The context must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> section : given.properties()) {
      String key = section.getKey();
      if (key.equals("Map")) {
        throw invalid("'Map' field is not supported when mocking a Context object");
      }
      Set<String> fields = FIELDS.get(key);
      if (fields == null) {
        throw invalid("Field '" + key + "' is not allowed");
      }
      if (key.equals("Task") && !(state instanceof TaskState t && StateTester.callback(t))) {
        throw invalid("Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' "
            + "service integration pattern");
      }
      if (!section.getValue().isObject()) {
        throw invalid(key + " must be an object");
      }
      for (Map.Entry<String, JsonNode> f : section.getValue().properties()) {
        if (!fields.contains(f.getKey())) {
          throw invalid("Field '" + f.getKey() + "' is not allowed");
        }
        JsonNode v = f.getValue();
        if (f.getKey().equals("Input") || v.isNull()) {
          continue;
        }
        if (INTEGERS.contains(f.getKey()) ? !v.canConvertToExactIntegral() : !v.isTextual()) {
          throw invalid(key + "." + f.getKey() + " must be " + (INTEGERS.contains(f.getKey()) ? "an integer" : "a string"));
        }
      }
    }
  }

  private static StateTestRefusedException invalid(String why) {
    return new StateTestRefusedException("Invalid Context object provided: " + why);
  }
}
