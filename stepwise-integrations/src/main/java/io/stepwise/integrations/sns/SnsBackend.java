package io.stepwise.integrations.sns;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.messaging.ServiceAnswer;

/** Where the tasks' SNS calls go: the local topics or a real endpoint. */
interface SnsBackend {
  /** Publish, with SNS's request (TopicArn, Message as text, ...); throws ServiceError for SNS's refusal. */
  ServiceAnswer publish(JsonNode request);

  default void close() {}
}
