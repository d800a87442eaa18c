package io.stepwise.integrations.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.messaging.EventPattern;
import io.stepwise.integrations.messaging.MessagingDb;
import io.stepwise.integrations.messaging.Published;
import io.stepwise.integrations.sqs.LocalQueues;
import io.stepwise.integrations.sqs.QueueMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Local SNS topics and their subscriptions, kept in {@link MessagingDb}. A message published to a
 * topic is kept, in order, as the notification SNS delivers ({@code stepwise messages --topic}),
 * and sent to each of the topic's {@code sqs} subscriptions whose filter policy matches its
 * attributes: the notification as JSON, or with RawMessageDelivery the message itself with its
 * attributes as SQS message attributes. Subscriptions of other protocols are kept, pending
 * confirmation, and receive nothing. Errors are SNS's query codes ({@code NotFound},
 * {@code InvalidParameter}) as {@link ApiError} types.
 */
final class LocalTopics {
  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");

  /** A subscription. */
  record Subscription(String arn, String topic, String protocol, String endpoint, boolean raw, String filterPolicy) {
    boolean confirmed() {
      return protocol.equals("sqs");
    }
  }

  /** What Publish answers. */
  record Published(String messageId, String sequenceNumber) {}

  private final MessagingDb db;
  private final LocalQueues queues;
  private final InstantSource clock;
  private final String prefix;
  private final String account;

  LocalTopics(MessagingDb db, LocalQueues queues, InstantSource clock, String region, String account) {
    this.db = db;
    this.queues = queues;
    this.clock = clock;
    this.prefix = "arn:aws:sns:" + region + ":" + account + ":";
    this.account = account;
  }

  String account() {
    return account;
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "InvalidParameter", message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "NotFound", message);
  }

  String createTopic(String name, Map<String, String> attributes) {
    if (name == null || !TOPIC_NAME.matcher(name).matches()) {
      throw invalid("Invalid parameter: Topic Name");
    }
    boolean fifo = "true".equals(attributes.get("FifoTopic"));
    if (fifo != name.endsWith(".fifo")) {
      throw invalid(fifo ? "Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long."
          : "Invalid parameter: Topic Name");
    }
    String arn = prefix + name;
    db.run(c -> {
      Map<String, String> existing = attributes(c, arn);
      if (existing != null) {
        for (Map.Entry<String, String> e : attributes.entrySet()) {
          if (!e.getValue().equals(existing.get(e.getKey()))) {
            throw invalid("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
          }
        }
        return null;
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO topics (arn, name, created, attributes) VALUES (?, ?, ?, ?)")) {
        s.setString(1, arn);
        s.setString(2, name);
        s.setLong(3, clock.millis());
        s.setString(4, Json.write(Json.MAPPER.valueToTree(attributes)));
        s.executeUpdate();
      }
      return null;
    });
    return arn;
  }

  void deleteTopic(String arn) {
    db.run(c -> {
      exec(c, "DELETE FROM subscriptions WHERE topic = ?", arn);
      exec(c, "DELETE FROM topics WHERE arn = ?", arn);
      return null;
    });
  }

  List<String> topics() {
    return db.run(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT arn FROM topics ORDER BY arn"); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /** GetTopicAttributes: the attributes given and SNS's computed ones. */
  Map<String, String> topicAttributes(String arn) {
    return db.run(c -> {
      Map<String, String> a = attributes(c, arn);
      if (a == null) {
        throw notFound("Topic does not exist");
      }
      Map<String, String> out = new LinkedHashMap<>();
      out.put("TopicArn", arn);
      out.put("Owner", account);
      out.put("DisplayName", a.getOrDefault("DisplayName", ""));
      long confirmed = subscriptions(c, arn).stream().filter(Subscription::confirmed).count();
      out.put("SubscriptionsConfirmed", Long.toString(confirmed));
      out.put("SubscriptionsPending", Long.toString(subscriptions(c, arn).size() - confirmed));
      out.put("SubscriptionsDeleted", "0");
      a.forEach(out::putIfAbsent);
      return out;
    });
  }

  Subscription subscribe(String topic, String protocol, String endpoint, Map<String, String> attributes) {
    if (protocol == null || protocol.isEmpty()) {
      throw invalid("Invalid parameter: Protocol");
    }
    if (protocol.equals("sqs") && (endpoint == null || queues.nameOfArn(endpoint) == null)) {
      throw invalid("Invalid parameter: SQS endpoint ARN");
    }
    String filter = attributes.get("FilterPolicy");
    if (filter != null) {
      try {
        if (!Json.parse(filter).isObject()) {
          throw invalid("Invalid parameter: FilterPolicy: Filter policy must be a JSON object");
        }
      } catch (JsonProcessingException e) {
        throw invalid("Invalid parameter: FilterPolicy: failed to parse JSON. " + e.getOriginalMessage());
      }
    }
    boolean raw = "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
    return db.run(c -> {
      if (attributes(c, topic) == null) {
        throw notFound("Topic does not exist");
      }
      for (Subscription s : subscriptions(c, topic)) {
        if (s.protocol().equals(protocol) && s.endpoint().equals(endpoint)) {
          return s; // the same endpoint again: the same subscription
        }
      }
      Subscription s = new Subscription(topic + ":" + UUID.randomUUID(), topic, protocol, endpoint == null ? "" : endpoint, raw, filter);
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO subscriptions (arn, topic, protocol, endpoint, raw, filter_policy) VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, s.arn());
        p.setString(2, s.topic());
        p.setString(3, s.protocol());
        p.setString(4, s.endpoint());
        p.setInt(5, s.raw() ? 1 : 0);
        p.setString(6, s.filterPolicy());
        p.executeUpdate();
      }
      return s;
    });
  }

  void unsubscribe(String arn) {
    db.run(c -> {
      exec(c, "DELETE FROM subscriptions WHERE arn = ?", arn);
      return null;
    });
  }

  Subscription subscription(String arn) {
    return db.run(c -> {
      for (Subscription s : subscriptions(c, null)) {
        if (s.arn().equals(arn)) {
          return s;
        }
      }
      throw notFound("Subscription does not exist");
    });
  }

  void setSubscriptionAttribute(String arn, String name, String value) {
    Subscription s = subscription(arn);
    db.run(c -> {
      switch (name) {
        case "RawMessageDelivery" -> exec(c, "UPDATE subscriptions SET raw = ? WHERE arn = ?", "true".equalsIgnoreCase(value) ? 1 : 0, s.arn());
        case "FilterPolicy" -> exec(c, "UPDATE subscriptions SET filter_policy = ? WHERE arn = ?", value == null || value.isEmpty() ? null : value, s.arn());
        case "FilterPolicyScope", "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn" -> { }
        default -> throw invalid("Invalid parameter: AttributeName");
      }
      return null;
    });
  }

  /** Every subscription, or the topic's. */
  List<Subscription> subscriptions(String topic) {
    return db.run(c -> {
      if (topic != null && attributes(c, topic) == null) {
        throw notFound("Topic does not exist");
      }
      return subscriptions(c, topic);
    });
  }

  /** Publish, with SNS's request as JSON (TopicArn or TargetArn, Message, Subject, MessageStructure, MessageAttributes, ...). */
  Published publish(JsonNode in) {
    String topic = text(in, "TopicArn");
    if (topic == null) {
      topic = text(in, "TargetArn");
    }
    if (topic == null) {
      throw invalid(text(in, "PhoneNumber") != null ? "Invalid parameter: PhoneNumber Reason: Stepwise does not send SMS"
          : "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
    }
    if (!topic.startsWith("arn:aws:sns:")) {
      throw invalid("Invalid parameter: TopicArn");
    }
    String message = text(in, "Message");
    if (message == null || message.isEmpty()) {
      throw invalid("Invalid parameter: Empty message");
    }
    if ("json".equals(text(in, "MessageStructure"))) {
      try {
        JsonNode m = Json.parse(message);
        if (!m.isObject() || !m.has("default")) {
          throw invalid("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        message = m.get("default").asText(); // the sqs protocol's entry, else the default
        if (m.has("sqs")) {
          message = m.get("sqs").asText();
        }
      } catch (JsonProcessingException e) {
        throw invalid("Invalid parameter: Message Structure - JSON message body failed to parse");
      }
    }
    boolean fifo = topic.endsWith(".fifo");
    if (fifo && text(in, "MessageGroupId") == null) {
      throw invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
    }
    JsonNode attributes = in.hasNonNull("MessageAttributes") ? in.get("MessageAttributes") : null;
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    ObjectNode note = notification(id, topic, text(in, "Subject"), message, now, attributes);
    String arn = topic;
    String body = message;
    List<Subscription> targets = new ArrayList<>();
    long seq = db.run(c -> {
      if (attributes(c, arn) == null) {
        throw notFound("Topic does not exist");
      }
      for (Subscription s : subscriptions(c, arn)) {
        if (s.confirmed() && (s.filterPolicy() == null || EventPattern.matches(LocalQueues.parse(s.filterPolicy()), filterable(attributes)))) {
          targets.add(s);
        }
      }
      return io.stepwise.integrations.messaging.Published.add(c, io.stepwise.integrations.messaging.Published.TOPIC, arn, id,
          now.toEpochMilli(), Json.write(note));
    });
    for (Subscription s : targets) {
      String queue = queues.nameOfArn(s.endpoint());
      try {
        queues.send(queue, s.raw()
            ? new QueueMessage.Outgoing(body, null, attributes, null, fifo ? text(in, "MessageGroupId") : null, fifo ? id : null)
            : new QueueMessage.Outgoing(Json.write(note), null, null, null, fifo ? text(in, "MessageGroupId") : null, fifo ? id : null));
      } catch (ApiError gone) {
        // the subscribed queue is gone: SNS would retry, then drop it
      }
    }
    return new Published(id, fifo ? String.format("%020d", seq) : null);
  }

  /** The notification as SNS delivers it to an sqs subscription (without a signature: nothing here signs). */
  private ObjectNode notification(String id, String topic, String subject, String message, Instant at, JsonNode attributes) {
    ObjectNode note = Json.NODES.objectNode();
    note.put("Type", "Notification");
    note.put("MessageId", id);
    note.put("TopicArn", topic);
    if (subject != null) {
      note.put("Subject", subject);
    }
    note.put("Message", message);
    note.put("Timestamp", at.toString());
    note.put("SignatureVersion", "1");
    note.put("UnsubscribeURL", "http://localhost:8083/?Action=Unsubscribe");
    if (attributes != null && !attributes.isEmpty()) {
      ObjectNode attrs = note.putObject("MessageAttributes");
      attributes.properties().forEach(e -> attrs.putObject(e.getKey())
          .put("Type", e.getValue().path("DataType").asText())
          .put("Value", e.getValue().has("BinaryValue") ? e.getValue().get("BinaryValue").asText() : e.getValue().path("StringValue").asText()));
    }
    return note;
  }

  /** The message attributes as a filter policy sees them: a name to its value (a number for Number). */
  private static JsonNode filterable(JsonNode attributes) {
    ObjectNode out = Json.NODES.objectNode();
    if (attributes != null) {
      attributes.properties().forEach(e -> {
        String type = e.getValue().path("DataType").asText();
        String v = e.getValue().path("StringValue").asText(null);
        if (type.startsWith("Number") && v != null) {
          out.put(e.getKey(), new java.math.BigDecimal(v));
        } else if (type.equals("String.Array") && v != null) {
          try {
            out.set(e.getKey(), Json.parse(v));
          } catch (JsonProcessingException bad) {
            out.put(e.getKey(), v);
          }
        } else if (v != null) {
          out.put(e.getKey(), v);
        }
      });
    }
    return out;
  }

  private static Map<String, String> attributes(Connection c, String arn) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT attributes FROM topics WHERE arn = ?")) {
      s.setString(1, arn);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        LocalQueues.parse(rs.getString(1)).properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
      }
    }
  }

  private static List<Subscription> subscriptions(Connection c, String topic) throws SQLException {
    List<Subscription> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT arn, topic, protocol, endpoint, raw, filter_policy FROM subscriptions"
        + (topic == null ? "" : " WHERE topic = ?") + " ORDER BY arn")) {
      if (topic != null) {
        s.setString(1, topic);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1, rs.getString(6)));
        }
      }
    }
    return out;
  }

  private static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  static String text(JsonNode in, String field) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
