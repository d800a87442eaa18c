package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.engine.task.TaskFailure;

/**
 * A Lambda-style function: takes the event payload, returns the response payload, or throws
 * {@link TaskFailure} with the function's error type and error payload (the cause).
 */
@FunctionalInterface
public interface LambdaFunction {
  JsonNode handle(JsonNode event) throws Exception;
}
