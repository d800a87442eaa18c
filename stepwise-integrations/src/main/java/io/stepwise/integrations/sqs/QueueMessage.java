package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Messages as they go in and come out of a local queue. */
public final class QueueMessage {
  private QueueMessage() {}

  /**
   * A message to send.
   *
   * @param delaySeconds null: the queue's DelaySeconds
   * @param attributes MessageAttributes as SQS's JSON has them, or null
   * @param systemAttributes MessageSystemAttributes (AWSTraceHeader), or null
   */
  public record Outgoing(String body, Integer delaySeconds, JsonNode attributes, JsonNode systemAttributes, String groupId, String dedupId) {}

  /** What SendMessage answers. */
  public record Sent(String messageId, String md5OfBody, String md5OfAttributes, String md5OfSystemAttributes, String sequenceNumber) {}

  /** A message received: its new receipt handle, and its system attributes (SentTimestamp, ...). */
  public record Received(String messageId, String receiptHandle, String body, String md5OfBody, JsonNode attributes, String md5OfAttributes,
      Map<String, String> systemAttributes) {}
}
