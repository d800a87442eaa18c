package io.stepwise.integrations.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.messaging.OneActionTasks;
import io.stepwise.integrations.messaging.SdkMetadata;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import io.stepwise.integrations.messaging.ServiceNames;

/**
 * {@code arn:aws:states:::sns:publish} and {@code arn:aws:states:::aws-sdk:sns:publish}, each also
 * {@code .waitForTaskToken}. The optimised form sends a Message of any JSON as its text and answers
 * SNS's response with the SDK metadata; the SDK form takes SNS's request as it is.
 */
final class SnsTasks extends OneActionTasks {
  static final ServiceNames NAMES = new ServiceNames("SNS", "AmazonSNS", "Sns");
  private final SnsBackend backend;

  SnsTasks(SnsBackend backend) {
    super("sns", "sns", "publish");
    this.backend = backend;
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) {
    boolean sdk = resource.resourceType().startsWith("aws-sdk:");
    if (request.input() == null || !request.input().isObject()) {
      throw new TaskFailure(StatesErrors.RUNTIME, "The publish task's Parameters must be an object with TopicArn and Message");
    }
    ObjectNode call = ((ObjectNode) request.input()).deepCopy();
    JsonNode message = call.get("Message");
    if (message != null && !message.isTextual() && !message.isNull()) {
      if (sdk) {
        throw new TaskFailure(StatesErrors.RUNTIME, "The aws-sdk:sns:publish task's Message must be a string, not " + Json.write(message));
      }
      call.put("Message", Json.write(message));
    }
    ServiceAnswer a;
    try {
      a = backend.publish(call);
    } catch (ServiceError e) {
      throw NAMES.failure(e, sdk);
    }
    ObjectNode out = a.body().deepCopy();
    return sdk ? out : SdkMetadata.add(out, a.headers(), a.status(), a.requestId());
  }
}
