package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** What SQS checks of a message before it queues it, with SQS's words for what is wrong. */
final class MessageChecks {
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
  private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\.[A-Za-z0-9_.-]+)?");

  private MessageChecks() {}

  static void check(LocalQueues.Queue q, QueueMessage.Outgoing m) {
    if (m.body() == null || m.body().isEmpty()) {
      throw SqsErrors.missing("MessageBody");
    }
    for (int i = 0; i < m.body().length(); ) {
      int cp = m.body().codePointAt(i);
      if (!(cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)) {
        throw SqsErrors.of("InvalidMessageContents", "InvalidMessageContents", "Invalid binary character '#x" + Integer.toHexString(cp).toUpperCase()
            + "' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
      }
      i += Character.charCount(cp);
    }
    long size = m.body().getBytes(StandardCharsets.UTF_8).length + attributesSize(m.attributes());
    int max = q.seconds("MaximumMessageSize");
    if (size > max) {
      throw SqsErrors.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than " + max + " bytes.");
    }
    if (m.delaySeconds() != null && (m.delaySeconds() < 0 || m.delaySeconds() > 900)) {
      throw SqsErrors.invalidValue("DelaySeconds", m.delaySeconds(), "DelaySeconds must be >= 0 and <= 900.");
    }
    if (q.fifo()) {
      if (m.groupId() == null || m.groupId().isEmpty()) {
        throw SqsErrors.missing("MessageGroupId");
      }
      if (m.delaySeconds() != null && m.delaySeconds() != 0) {
        throw SqsErrors.invalidValue("DelaySeconds", m.delaySeconds(),
            "The request include parameter that is not valid for this queue type.");
      }
      if (m.dedupId() == null && !"true".equals(q.attributes().get("ContentBasedDeduplication"))) {
        throw SqsErrors.invalidParameter("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
      }
    } else if (m.dedupId() != null) {
      throw SqsErrors.invalidValue("MessageDeduplicationId", m.dedupId(), "The request include parameter that is not valid for this queue type");
    }
  }

  private static long attributesSize(JsonNode attributes) {
    if (attributes == null) {
      return 0;
    }
    if (!attributes.isObject()) {
      throw SqsErrors.invalidParameter("MessageAttributes must be a map of names to {DataType, StringValue | BinaryValue}");
    }
    if (attributes.size() > 10) {
      throw SqsErrors.invalidParameter("Number of message attributes [" + attributes.size() + "] exceeds the allowed maximum [10].");
    }
    long size = 0;
    for (Map.Entry<String, JsonNode> e : attributes.properties()) {
      String name = e.getKey();
      JsonNode a = e.getValue();
      if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith("AWS.") || name.startsWith("Amazon.")) {
        throw SqsErrors.invalidParameter("Message (user) attribute name '" + name + "' is invalid.");
      }
      String type = a.path("DataType").asText("");
      if (!DATA_TYPE.matcher(type).matches()) {
        throw SqsErrors.invalidParameter("The type of message (user) attribute '" + name + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
      }
      boolean binary = type.startsWith("Binary");
      JsonNode v = a.get(binary ? "BinaryValue" : "StringValue");
      if (v == null || v.isNull() || v.asText().isEmpty()) {
        throw SqsErrors.invalidParameter("Message (user) attribute '" + name + "' must contain a non-empty value of type '" + (binary ? "Binary" : "String") + "'.");
      }
      if (type.startsWith("Number")) {
        try {
          new java.math.BigDecimal(v.asText());
        } catch (NumberFormatException notNumber) {
          throw SqsErrors.invalidParameter("Can't cast the value of message (user) attribute '" + name + "' to a number.");
        }
      }
      long valueSize;
      if (binary) {
        try {
          valueSize = Base64.getDecoder().decode(v.asText()).length;
        } catch (IllegalArgumentException notBase64) {
          throw SqsErrors.invalidParameter("Message (user) attribute '" + name + "' has a BinaryValue that is not base64.");
        }
      } else {
        valueSize = v.asText().getBytes(StandardCharsets.UTF_8).length;
      }
      size += name.getBytes(StandardCharsets.UTF_8).length + type.length() + valueSize;
    }
    return size;
  }
}
