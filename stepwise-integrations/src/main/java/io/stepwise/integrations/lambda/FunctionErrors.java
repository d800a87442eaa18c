package io.stepwise.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.integrations.lambda.targets.InvokeResult;

/**
 * How Step Functions fails a task whose function failed (Lambda answered with
 * {@code X-Amz-Function-Error}): the error is the payload's {@code errorType} and the cause the
 * payload as the function's runtime wrote it; a payload without an {@code errorType} is
 * {@code Lambda.Unknown}, its cause saying so and quoting the payload.
 */
final class FunctionErrors {
  private FunctionErrors() {}

  static TaskFailure of(InvokeResult r) {
    String payload = r.payloadText() != null ? r.payloadText() : Json.write(r.value());
    try {
      JsonNode n = Json.parse(payload);
      if (n.isObject() && n.path("errorType").isTextual() && !n.get("errorType").textValue().isEmpty()) {
        return new TaskFailure(n.get("errorType").textValue(), payload);
      }
    } catch (Exception e) {
      // not JSON: no error type
    }
    return new TaskFailure("Lambda.Unknown",
        "The cause could not be determined because Lambda did not return an error type. Returned payload: " + payload);
  }
}
