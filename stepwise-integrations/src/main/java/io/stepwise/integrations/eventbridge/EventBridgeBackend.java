package io.stepwise.integrations.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.messaging.ServiceAnswer;

/** Where the tasks' EventBridge calls go: the local buses or a real endpoint. */
interface EventBridgeBackend {
  /** PutEvents with EventBridge's request (Entries, each Detail as text); throws ServiceError for a refusal. */
  ServiceAnswer putEvents(JsonNode request);

  default void close() {}
}
