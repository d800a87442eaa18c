package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;

/** Where the tasks' SQS calls go: the local queues or a real endpoint. */
interface SqsBackend {
  /**
   * SendMessage.
   *
   * @param request SQS's JSON request (QueueUrl, MessageBody as text, ...)
   * @throws ServiceError SQS's refusal
   */
  ServiceAnswer sendMessage(JsonNode request);

  default void close() {}
}
