package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.State;
import java.util.Map;

/**
 * One state to test and what it is tested with.
 *
 * @param state the compiled state
 * @param input the state's raw input
 * @param variables the workflow variables in force when it is entered
 * @param context the whole context object ($$) as the test gives it, or null to make one up
 * @param mock what replaces the state's work, or null to do it
 * @param retrierRetryCount how many retries the retrier matching a failure has made already
 * @param roleArn the role the test runs as, or null (shown as $$.Execution.RoleArn)
 * @param map what a Map's iterations did, as the test says; {@link MapSettings#NONE} when not said
 */
public record StateTest(
    State state, JsonNode input, Map<String, JsonNode> variables, JsonNode context, Mock mock, int retrierRetryCount, String roleArn,
    MapSettings map) {
  public StateTest {
    variables = Map.copyOf(variables);
    map = map == null ? MapSettings.NONE : map;
  }

  public StateTest(State state, JsonNode input, Map<String, JsonNode> variables, JsonNode context, Mock mock, int retrierRetryCount,
      String roleArn) {
    this(state, input, variables, context, mock, retrierRetryCount, roleArn, MapSettings.NONE);
  }

  /**
   * TestState's stateConfiguration for a Map (or Parallel): what its iterations would have done.
   *
   * @param iterationFailureCount how many iterations failed (mapIterationFailureCount), or null
   * @param itemReaderData what a Distributed Map's ItemReader read, as its source holds it, or null
   * @param errorCausedByState the state inside the Map or Parallel a mocked error came from, or null
   */
  public record MapSettings(Integer iterationFailureCount, String itemReaderData, String errorCausedByState) {
    public static final MapSettings NONE = new MapSettings(null, null, null);
  }
}
