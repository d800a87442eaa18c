package io.stepwise.integrations.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.ApiRequest;
import io.stepwise.integrations.api.QueryApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SNS's query protocol (form-encoded, XML answers, Version 2010-03-31) over {@link LocalTopics},
 * on the Stepwise port: CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, Subscribe,
 * Unsubscribe, ListSubscriptions, ListSubscriptionsByTopic, GetSubscriptionAttributes,
 * SetSubscriptionAttributes and Publish, so that {@code aws sns --endpoint-url} and the SDKs'
 * SNS clients make topics and subscribe local queues to them.
 */
final class SnsQueryApi implements QueryApi {
  static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";
  private final LocalTopics topics;

  SnsQueryApi(LocalTopics topics) {
    this.topics = topics;
  }

  @Override
  public String version() {
    return "2010-03-31";
  }

  @Override
  public String signingName() {
    return "sns";
  }

  @Override
  public String namespace() {
    return NS;
  }

  @Override
  public String call(String action, Map<String, String> p, ApiRequest request, String requestId) {
    StringBuilder r = new StringBuilder();
    switch (action) {
      case "CreateTopic" -> element(r, "TopicArn", topics.createTopic(p.get("Name"), entries(p, "Attributes", "key", "value")));
      case "DeleteTopic" -> topics.deleteTopic(required(p, "TopicArn"));
      case "ListTopics" -> {
        r.append("<Topics>");
        topics.topics().forEach(t -> r.append("<member>").append(tag("TopicArn", t)).append("</member>"));
        r.append("</Topics>");
      }
      case "GetTopicAttributes" -> attributes(r, topics.topicAttributes(required(p, "TopicArn")));
      case "Subscribe" -> {
        LocalTopics.Subscription s = topics.subscribe(required(p, "TopicArn"), p.get("Protocol"), p.get("Endpoint"),
            entries(p, "Attributes", "key", "value"));
        element(r, "SubscriptionArn", s.confirmed() || "true".equals(p.get("ReturnSubscriptionArn")) ? s.arn() : "pending confirmation");
      }
      case "Unsubscribe" -> topics.unsubscribe(required(p, "SubscriptionArn"));
      case "ListSubscriptions" -> subscriptions(r, topics.subscriptions(null));
      case "ListSubscriptionsByTopic" -> subscriptions(r, topics.subscriptions(required(p, "TopicArn")));
      case "GetSubscriptionAttributes" -> {
        LocalTopics.Subscription s = topics.subscription(required(p, "SubscriptionArn"));
        Map<String, String> a = new LinkedHashMap<>();
        a.put("SubscriptionArn", s.arn());
        a.put("TopicArn", s.topic());
        a.put("Protocol", s.protocol());
        a.put("Endpoint", s.endpoint());
        a.put("Owner", topics.account());
        a.put("RawMessageDelivery", Boolean.toString(s.raw()));
        a.put("PendingConfirmation", Boolean.toString(!s.confirmed()));
        a.put("ConfirmationWasAuthenticated", Boolean.toString(s.confirmed()));
        if (s.filterPolicy() != null) {
          a.put("FilterPolicy", s.filterPolicy());
        }
        attributes(r, a);
      }
      case "SetSubscriptionAttributes" -> topics.setSubscriptionAttribute(required(p, "SubscriptionArn"), required(p, "AttributeName"),
          p.get("AttributeValue"));
      case "Publish" -> {
        LocalTopics.Published published = topics.publish(publishRequest(p));
        element(r, "MessageId", published.messageId());
        if (published.sequenceNumber() != null) {
          element(r, "SequenceNumber", published.sequenceNumber());
        }
      }
      default -> throw new ApiError(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    }
    return "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + r + "</" + action + "Result>"
        + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action + "Response>\n";
  }

  static String publishXml(LocalTopics.Published p, String requestId) {
    return "<PublishResponse xmlns=\"" + NS + "\"><PublishResult>" + tag("MessageId", p.messageId())
        + "</PublishResult><ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></PublishResponse>\n";
  }

  /** Publish's form as the JSON request the tasks send. */
  private static ObjectNode publishRequest(Map<String, String> p) {
    ObjectNode in = Json.NODES.objectNode();
    for (String f : List.of("TopicArn", "TargetArn", "PhoneNumber", "Message", "Subject", "MessageStructure", "MessageGroupId",
        "MessageDeduplicationId")) {
      if (p.containsKey(f)) {
        in.put(f, p.get(f));
      }
    }
    for (int i = 1; p.containsKey("MessageAttributes.entry." + i + ".Name"); i++) {
      String at = "MessageAttributes.entry." + i + ".";
      ObjectNode a = in.with("MessageAttributes").putObject(p.get(at + "Name"));
      a.put("DataType", p.get(at + "Value.DataType"));
      if (p.containsKey(at + "Value.StringValue")) {
        a.put("StringValue", p.get(at + "Value.StringValue"));
      }
      if (p.containsKey(at + "Value.BinaryValue")) {
        a.put("BinaryValue", p.get(at + "Value.BinaryValue"));
      }
    }
    return in;
  }

  private static Map<String, String> entries(Map<String, String> p, String name, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 1; p.containsKey(name + ".entry." + i + "." + key); i++) {
      out.put(p.get(name + ".entry." + i + "." + key), p.getOrDefault(name + ".entry." + i + "." + value, ""));
    }
    return out;
  }

  private static String required(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw LocalTopics.invalid("Invalid parameter: " + name);
    }
    return v;
  }

  private static void subscriptions(StringBuilder r, List<LocalTopics.Subscription> subs) {
    r.append("<Subscriptions>");
    for (LocalTopics.Subscription s : subs) {
      r.append("<member>").append(tag("SubscriptionArn", s.confirmed() ? s.arn() : "PendingConfirmation")).append(tag("Owner", ""))
          .append(tag("Protocol", s.protocol())).append(tag("Endpoint", s.endpoint())).append(tag("TopicArn", s.topic())).append("</member>");
    }
    r.append("</Subscriptions>");
  }

  private static void attributes(StringBuilder r, Map<String, String> a) {
    r.append("<Attributes>");
    a.forEach((k, v) -> r.append("<entry>").append(tag("key", k)).append(tag("value", v)).append("</entry>"));
    r.append("</Attributes>");
  }

  private static void element(StringBuilder r, String name, String value) {
    r.append(tag(name, value));
  }

  private static String tag(String name, String value) {
    String v = value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    return "<" + name + ">" + v + "</" + name + ">";
  }
}
