package io.stepwise.integrations.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.messaging.OneActionTasks;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import io.stepwise.integrations.messaging.ServiceNames;

/**
 * {@code arn:aws:states:::events:putEvents} and {@code arn:aws:states:::aws-sdk:eventbridge:putEvents},
 * each also {@code .waitForTaskToken}. The optimised form, as AWS documents it, takes a Detail of any
 * JSON (sent as its text), adds the execution's and the state machine's ARNs to each entry's
 * Resources, and fails with EventBridge.FailedEntry when an entry failed; the SDK form takes
 * EventBridge's request as it is and answers its response whatever it holds.
 */
final class EventBridgeTasks extends OneActionTasks {
  static final ServiceNames NAMES = new ServiceNames("EventBridge", "AmazonEventBridge", "EventBridge");
  private final EventBridgeBackend backend;

  EventBridgeTasks(EventBridgeBackend backend) {
    super("events", "eventbridge", "putEvents");
    this.backend = backend;
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) {
    boolean sdk = resource.resourceType().startsWith("aws-sdk:");
    JsonNode in = request.input();
    if (in == null || !in.isObject() || !in.path("Entries").isArray()) {
      throw new TaskFailure(StatesErrors.RUNTIME, "The putEvents task's Parameters must be an object with an array of Entries");
    }
    ObjectNode call = ((ObjectNode) in).deepCopy();
    for (JsonNode e : call.get("Entries")) {
      if (!(e instanceof ObjectNode entry)) {
        throw new TaskFailure(StatesErrors.RUNTIME, "Each of the putEvents task's Entries must be an object, not " + Json.write(e));
      }
      JsonNode detail = entry.get("Detail");
      if (detail != null && !detail.isTextual() && !detail.isNull()) {
        if (sdk) {
          throw new TaskFailure(StatesErrors.RUNTIME, "The aws-sdk:eventbridge:putEvents task's Detail must be a string, not " + Json.write(detail));
        }
        entry.put("Detail", Json.write(detail));
      }
      if (!sdk) {
        ArrayNode resources = entry.has("Resources") && entry.get("Resources").isArray() ? (ArrayNode) entry.get("Resources") : entry.putArray("Resources");
        resources.add(request.executionArn());
        resources.add(stateMachineArn(request));
      }
    }
    ServiceAnswer a;
    try {
      a = backend.putEvents(call);
    } catch (ServiceError e) {
      throw NAMES.failure(e, sdk);
    }
    ObjectNode out = a.body().deepCopy();
    if (!sdk && out.path("FailedEntryCount").asInt() > 0) {
      throw new TaskFailure("EventBridge.FailedEntry", Json.write(out));
    }
    return out;
  }

  /** The state machine's ARN: the context's, else made from the execution's. */
  private static String stateMachineArn(TaskRequest request) {
    JsonNode id = request.context() == null ? null : request.context().path("StateMachine").path("Id");
    if (id != null && id.isTextual()) {
      return id.textValue();
    }
    String arn = request.executionArn();
    int last = arn.lastIndexOf(':');
    return arn.substring(0, last).replace(":execution:", ":stateMachine:");
  }
}
