package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a queue is created or changed with: each one SQS knows, checked as SQS checks
 * it (the numeric ones within their ranges), with SQS's defaults for those not given. The ones
 * that only matter on AWS (encryption, policies) are kept and answered back, and do nothing.
 */
final class QueueAttributes {
  static final Map<String, String> DEFAULTS = Map.of(
      "DelaySeconds", "0",
      "MaximumMessageSize", "262144",
      "MessageRetentionPeriod", "345600",
      "ReceiveMessageWaitTimeSeconds", "0",
      "VisibilityTimeout", "30",
      "SqsManagedSseEnabled", "true");

  private static final Map<String, long[]> RANGES = Map.of(
      "DelaySeconds", new long[] {0, 900},
      "MaximumMessageSize", new long[] {1024, 262144},
      "MessageRetentionPeriod", new long[] {60, 1209600},
      "ReceiveMessageWaitTimeSeconds", new long[] {0, 20},
      "VisibilityTimeout", new long[] {0, 43200},
      "KmsDataKeyReusePeriodSeconds", new long[] {60, 86400});

  private static final Set<String> OTHERS = Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
      "SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

  /** Computed, answered by GetQueueAttributes, never set. */
  static final Set<String> COMPUTED = Set.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
      "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn");

  private QueueAttributes() {}

  /** The attributes given, checked, over the defaults; FifoQueue only for a name ending .fifo. */
  static Map<String, String> forNewQueue(String name, Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(DEFAULTS);
    out.putAll(check(given, true));
    boolean fifoName = name.endsWith(".fifo");
    boolean fifo = "true".equals(out.get("FifoQueue"));
    if (fifo != fifoName) {
      throw SqsErrors.invalidParameter(fifo
          ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
          : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    }
    if (fifo) {
      out.putIfAbsent("ContentBasedDeduplication", "false");
      out.putIfAbsent("DeduplicationScope", "queue");
      out.putIfAbsent("FifoThroughputLimit", "perQueue");
    } else {
      out.remove("FifoQueue");
    }
    return out;
  }

  /**
   * Checks attributes to set.
   *
   * @param creating FifoQueue may be given only when the queue is made
   */
  static Map<String, String> check(Map<String, String> given, boolean creating) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      long[] range = RANGES.get(name);
      if (range != null) {
        long v;
        try {
          v = Long.parseLong(value.trim());
        } catch (NumberFormatException notNumber) {
          throw SqsErrors.invalidAttributeValue(name, null);
        }
        if (v < range[0] || v > range[1]) {
          throw SqsErrors.invalidAttributeValue(name, null);
        }
        out.put(name, Long.toString(v));
      } else if (OTHERS.contains(name)) {
        if (name.equals("FifoQueue") && !creating) {
          throw SqsErrors.invalidAttributeName(name);
        }
        if (name.equals("RedrivePolicy") && !value.isEmpty()) {
          redrivePolicy(value);
        }
        out.put(name, value);
      } else {
        throw SqsErrors.invalidAttributeName(name);
      }
    }
    return out;
  }

  /** The dead-letter queue's ARN and the receives before a message goes there, or null. */
  record Redrive(String deadLetterTargetArn, int maxReceiveCount) {}

  static Redrive redrivePolicy(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      JsonNode p = Json.parse(text);
      String arn = p.path("deadLetterTargetArn").asText(null);
      int max = p.path("maxReceiveCount").asInt(p.path("maxReceiveCount").isTextual() ? Integer.parseInt(p.get("maxReceiveCount").asText()) : 0);
      if (arn == null || max < 1 || max > 1000) {
        throw SqsErrors.invalidAttributeValue("RedrivePolicy",
            "Redrive policy does not contain mandatory attribute: " + (arn == null ? "deadLetterTargetArn" : "maxReceiveCount") + ".");
      }
      return new Redrive(arn, max);
    } catch (JsonProcessingException | NumberFormatException e) {
      throw SqsErrors.invalidAttributeValue("RedrivePolicy", "Redrive policy is not a valid JSON map.");
    }
  }

}
