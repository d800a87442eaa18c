package io.stepwise.integrations.sqs;

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
 * The Task resources that send to SQS: {@code arn:aws:states:::sqs:sendMessage} and
 * {@code arn:aws:states:::aws-sdk:sqs:sendMessage}, each also {@code .waitForTaskToken} (the
 * message is sent, TaskSubmitted recorded, and the task waits for SendTaskSuccess or
 * SendTaskFailure with the token the message carries). The optimised form takes a MessageBody of
 * any JSON (an object or array is sent as its JSON text) and answers SQS's response with the SDK
 * metadata; the SDK form takes SQS's request as it is and answers SQS's response alone.
 */
final class SqsTasks extends OneActionTasks {
  static final ServiceNames NAMES = new ServiceNames("SQS", "AmazonSQS", "Sqs");
  private final SqsBackend backend;

  SqsTasks(SqsBackend backend) {
    super("sqs", "sqs", "sendMessage");
    this.backend = backend;
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) {
    boolean sdk = resource.resourceType().startsWith("aws-sdk:");
    JsonNode in = request.input();
    if (in == null || !in.isObject()) {
      throw new TaskFailure(StatesErrors.RUNTIME, "The sendMessage task's Parameters must be an object with QueueUrl and MessageBody");
    }
    ObjectNode call = ((ObjectNode) in).deepCopy();
    JsonNode body = call.get("MessageBody");
    if (body != null && !body.isTextual() && !body.isNull()) {
      if (sdk) {
        throw new TaskFailure(StatesErrors.RUNTIME, "The aws-sdk:sqs:sendMessage task's MessageBody must be a string, not " + Json.write(body));
      }
      call.put("MessageBody", Json.write(body)); // the optimised integration sends JSON as its text
    }
    ServiceAnswer a;
    try {
      a = backend.sendMessage(call);
    } catch (ServiceError e) {
      throw NAMES.failure(e, sdk);
    }
    ObjectNode out = a.body().deepCopy();
    return sdk ? out : SdkMetadata.add(out, a.headers(), a.status(), a.requestId());
  }
}
