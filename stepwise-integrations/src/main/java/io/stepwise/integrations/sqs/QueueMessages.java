package io.stepwise.integrations.sqs;

/** Messages other local services deliver to a queue (EventBridge targets, SNS subscriptions). */
public final class QueueMessages {
  private QueueMessages() {}

  /** A body with no attributes, delay or group. */
  public static QueueMessage.Outgoing plain(String body) {
    return new QueueMessage.Outgoing(body, null, null, null, null, null);
  }
}
