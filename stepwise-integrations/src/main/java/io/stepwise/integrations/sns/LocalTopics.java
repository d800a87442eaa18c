package io.stepwise.integrations.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.messaging.MessagingDb;
import io.stepwise.integrations.messaging.Published;
import io.stepwise.integrations.messaging.SdkMetadata;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Local SNS topics: a Publish is checked as SNS checks it and kept, in order, as the notification
 * SNS would deliver ({@code Type}, {@code MessageId}, {@code TopicArn}, {@code Subject},
 * {@code Message}, {@code Timestamp}, {@code MessageAttributes}), read back with
 * {@code stepwise messages --topic}. There is no SNS API here to create topics with: a topic of
 * the server's region and account comes into being with its first message.
 */
final class LocalTopics implements SnsBackend {
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  private final MessagingDb db;
  private final InstantSource clock;
  private final String region;
  private final String account;

  LocalTopics(MessagingDb db, InstantSource clock, String region, String account) {
    this.db = db;
    this.clock = clock;
    this.region = region;
    this.account = account;
  }

  @Override
  public ServiceAnswer publish(JsonNode in) {
    String requestId = UUID.randomUUID().toString();
    String topic = text(in, "TopicArn");
    if (topic == null) {
      topic = text(in, "TargetArn");
    }
    if (topic == null) {
      throw invalid(text(in, "PhoneNumber") != null ? "Invalid parameter: PhoneNumber Reason: Stepwise does not send SMS"
          : "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter", requestId);
    }
    String prefix = "arn:aws:sns:" + region + ":" + account + ":";
    if (!topic.startsWith(prefix) || !TOPIC_NAME.matcher(topic.substring(prefix.length())).matches()) {
      if (topic.startsWith("arn:aws:sns:")) {
        throw new ServiceError(404, "NotFound", "NotFound", "Topic does not exist", requestId);
      }
      throw invalid("Invalid parameter: TopicArn", requestId);
    }
    String message = text(in, "Message");
    if (message == null || message.isEmpty()) {
      throw invalid("Invalid parameter: Empty message", requestId);
    }
    if ("json".equals(text(in, "MessageStructure"))) {
      try {
        JsonNode m = Json.parse(message);
        if (!m.isObject() || !m.has("default")) {
          throw invalid("Invalid parameter: Message Structure - No default entry in JSON message body", requestId);
        }
        message = m.get("default").asText();
      } catch (JsonProcessingException e) {
        throw invalid("Invalid parameter: Message Structure - JSON message body failed to parse", requestId);
      }
    }
    boolean fifo = topic.endsWith(".fifo");
    if (fifo && text(in, "MessageGroupId") == null) {
      throw invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics", requestId);
    }
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    ObjectNode note = Json.NODES.objectNode();
    note.put("Type", "Notification");
    note.put("MessageId", id);
    note.put("TopicArn", topic);
    if (text(in, "Subject") != null) {
      note.put("Subject", text(in, "Subject"));
    }
    note.put("Message", message);
    note.put("Timestamp", now.toString());
    if (in.hasNonNull("MessageAttributes")) {
      ObjectNode attrs = note.putObject("MessageAttributes");
      in.get("MessageAttributes").properties().forEach(e -> attrs.putObject(e.getKey())
          .put("Type", e.getValue().path("DataType").asText())
          .put("Value", e.getValue().has("BinaryValue") ? e.getValue().get("BinaryValue").asText() : e.getValue().path("StringValue").asText()));
    }
    String name = topic;
    long seq = db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO topics (arn, name, created, attributes) VALUES (?, ?, ?, '{}')")) {
        s.setString(1, name);
        s.setString(2, name.substring(prefix.length()));
        s.setLong(3, now.toEpochMilli());
        s.executeUpdate();
      }
      return Published.add(c, Published.TOPIC, name, id, now.toEpochMilli(), Json.write(note));
    });
    ObjectNode body = Json.NODES.objectNode().put("MessageId", id);
    if (fifo) {
      body.put("SequenceNumber", String.format("%020d", seq));
    }
    String xml = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>" + id
        + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></PublishResponse>\n";
    return new ServiceAnswer(body, 200,
        SdkMetadata.localHeaders(requestId, now, "text/xml", xml.getBytes(StandardCharsets.UTF_8).length), requestId);
  }

  private static ServiceError invalid(String message, String requestId) {
    return new ServiceError(400, "InvalidParameter", "InvalidParameter", message, requestId);
  }

  private static String text(JsonNode in, String field) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
