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
 * @param context a context object to use instead of the one made up for the test, or null
 * @param mock what replaces the state's work, or null to do it
 * @param retrierRetryCount how many retries the retrier matching a failure has made already
 * @param roleArn the role the test runs as, or null (shown as $$.Execution.RoleArn)
 */
public record StateTest(
    State state, JsonNode input, Map<String, JsonNode> variables, JsonNode context, Mock mock, int retrierRetryCount, String roleArn) {
  public StateTest {
    variables = Map.copyOf(variables);
  }
}
