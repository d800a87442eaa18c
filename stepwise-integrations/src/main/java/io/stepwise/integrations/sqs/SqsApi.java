package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.ApiRequest;
import io.stepwise.integrations.api.JsonApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.*}, JSON 1.0) over {@link LocalQueues}, on
 * the Stepwise port: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, PurgeQueue,
 * GetQueueAttributes, SetQueueAttributes, SendMessage, SendMessageBatch, ReceiveMessage (long
 * polling with WaitTimeSeconds), DeleteMessage, DeleteMessageBatch, ChangeMessageVisibility and
 * ChangeMessageVisibilityBatch. Queue URLs point at the endpoint the client reached
 * ({@code http://localhost:8083/ACCOUNT/NAME}); a queue is found by the URL's last path segment,
 * whatever its host, so a definition written with AWS's URL finds the local queue of that name.
 */
public final class SqsApi implements JsonApi {
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private final LocalQueues queues;

  public SqsApi(LocalQueues queues) {
    this.queues = queues;
  }

  public LocalQueues queues() {
    return queues;
  }

  @Override
  public String targetPrefix() {
    return "AmazonSQS";
  }

  @Override
  public String signingName() {
    return "sqs";
  }

  @Override
  public JsonNode call(String operation, JsonNode input) {
    return call(operation, input, ApiRequest.LOCAL);
  }

  @Override
  public JsonNode call(String operation, JsonNode in, ApiRequest request) {
    try {
      return switch (operation) {
        case "CreateQueue" -> url(request, queues.create(required(in, "QueueName"), strings(in.get("Attributes")), strings(in.get("tags"))).name());
        case "GetQueueUrl" -> url(request, queues.existing(required(in, "QueueName")).name());
        case "ListQueues" -> listQueues(in, request);
        case "DeleteQueue" -> {
          queues.delete(queueName(in));
          yield Json.NODES.objectNode();
        }
        case "PurgeQueue" -> {
          queues.purge(queueName(in));
          yield Json.NODES.objectNode();
        }
        case "GetQueueAttributes" -> getAttributes(in);
        case "SetQueueAttributes" -> {
          queues.setAttributes(queueName(in), strings(in.get("Attributes")));
          yield Json.NODES.objectNode();
        }
        case "SendMessage" -> sent(Json.NODES.objectNode(), queues.send(queueName(in), outgoing(in)));
        case "SendMessageBatch" -> sendBatch(in);
        case "ReceiveMessage" -> receive(in);
        case "DeleteMessage" -> {
          queues.deleteMessage(queueName(in), required(in, "ReceiptHandle"));
          yield Json.NODES.objectNode();
        }
        case "DeleteMessageBatch" -> batch(in, (queue, e) -> queues.deleteMessage(queue, required(e, "ReceiptHandle")));
        case "ChangeMessageVisibility" -> {
          queues.changeVisibility(queueName(in), required(in, "ReceiptHandle"), visibility(in.get("VisibilityTimeout"), true));
          yield Json.NODES.objectNode();
        }
        case "ChangeMessageVisibilityBatch" -> batch(in,
            (queue, e) -> queues.changeVisibility(queue, required(e, "ReceiptHandle"), visibility(e.get("VisibilityTimeout"), true)));
        default -> throw SqsErrors.unknownOperation(operation);
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(500, SqsErrors.NAMESPACE + "InternalError", "The receive was interrupted: the server is stopping");
    }
  }

  /** The queue's name from a QueueUrl: its last path segment. */
  public static String nameOfUrl(String url) {
    if (url == null || url.isEmpty()) {
      throw SqsErrors.missing("QueueUrl");
    }
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      throw SqsErrors.of("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }
    if (path == null) {
      throw SqsErrors.of("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }
    String[] parts = path.split("/");
    String name = parts.length == 0 ? "" : parts[parts.length - 1];
    if (name.isEmpty()) {
      throw SqsErrors.of("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }
    return name;
  }

  public String urlOf(ApiRequest request, String name) {
    String base = request.endpoint().toString();
    return (base.endsWith("/") ? base : base + "/") + queues.account() + "/" + name;
  }

  private ObjectNode url(ApiRequest request, String name) {
    return Json.NODES.objectNode().put("QueueUrl", urlOf(request, name));
  }

  private ObjectNode listQueues(JsonNode in, ApiRequest request) {
    List<String> names = queues.names(text(in, "QueueNamePrefix"));
    int start = 0;
    String token = text(in, "NextToken");
    if (token != null) {
      int at = names.indexOf(token);
      if (at < 0) {
        throw SqsErrors.invalidParameter("Invalid NextToken value.");
      }
      start = at;
    }
    int max = in.has("MaxResults") ? in.get("MaxResults").asInt() : 1000;
    if (max < 1 || max > 1000) {
      throw SqsErrors.invalidValue("MaxResults", max, "MaxResults must be an integer between 1 and 1000.");
    }
    ObjectNode out = Json.NODES.objectNode();
    int end = Math.min(names.size(), start + max);
    if (end > start) {
      ArrayNode urls = out.putArray("QueueUrls");
      names.subList(start, end).forEach(n -> urls.add(urlOf(request, n)));
    }
    if (in.has("MaxResults") && end < names.size()) {
      out.put("NextToken", names.get(end));
    }
    return out;
  }

  private ObjectNode getAttributes(JsonNode in) {
    Map<String, String> all = queues.attributes(queueName(in));
    Set<String> wanted = new HashSet<>();
    JsonNode names = in.get("AttributeNames");
    if (names != null) {
      names.forEach(n -> wanted.add(n.asText()));
    }
    ObjectNode out = Json.NODES.objectNode();
    if (wanted.isEmpty()) {
      return out;
    }
    for (String n : wanted) {
      if (!n.equals("All") && !all.containsKey(n) && !QueueAttributes.COMPUTED.contains(n) && !QueueAttributes.DEFAULTS.containsKey(n)
          && !List.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "FifoQueue",
              "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit").contains(n)) {
        throw SqsErrors.invalidAttributeName(n);
      }
    }
    ObjectNode attributes = out.putObject("Attributes");
    all.forEach((k, v) -> {
      if (wanted.contains("All") || wanted.contains(k)) {
        attributes.put(k, v);
      }
    });
    return out;
  }

  private QueueMessage.Outgoing outgoing(JsonNode in) {
    JsonNode body = in.get("MessageBody");
    if (body != null && !body.isTextual() && !body.isNull()) {
      throw new ApiError(400, "SerializationException", "MessageBody must be a string, not " + body.getNodeType().name().toLowerCase());
    }
    Integer delay = in.hasNonNull("DelaySeconds") ? in.get("DelaySeconds").asInt() : null;
    return new QueueMessage.Outgoing(body == null || body.isNull() ? null : body.textValue(), delay, object(in.get("MessageAttributes")),
        object(in.get("MessageSystemAttributes")), text(in, "MessageGroupId"), text(in, "MessageDeduplicationId"));
  }

  private static ObjectNode sent(ObjectNode out, QueueMessage.Sent s) {
    out.put("MD5OfMessageBody", s.md5OfBody());
    if (s.md5OfAttributes() != null) {
      out.put("MD5OfMessageAttributes", s.md5OfAttributes());
    }
    if (s.md5OfSystemAttributes() != null) {
      out.put("MD5OfMessageSystemAttributes", s.md5OfSystemAttributes());
    }
    out.put("MessageId", s.messageId());
    if (s.sequenceNumber() != null) {
      out.put("SequenceNumber", s.sequenceNumber());
    }
    return out;
  }

  private ObjectNode sendBatch(JsonNode in) {
    String queue = queueName(in);
    List<JsonNode> entries = entries(in);
    long total = 0;
    for (JsonNode e : entries) {
      total += e.path("MessageBody").asText("").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (total > 262_144) {
      throw SqsErrors.of("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong",
          "Batch requests cannot be longer than 262144 bytes. You have sent " + total + " bytes.");
    }
    List<QueueMessage.Outgoing> messages = new ArrayList<>();
    for (JsonNode e : entries) {
      messages.add(outgoing(e));
    }
    List<Object> results = queues.sendAll(queue, messages);
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode ok = out.putArray("Successful");
    ArrayNode failed = out.putArray("Failed");
    for (int i = 0; i < entries.size(); i++) {
      String id = entries.get(i).get("Id").asText();
      if (results.get(i) instanceof QueueMessage.Sent s) {
        ObjectNode o = ok.addObject().put("Id", id);
        sent(o, s);
      } else {
        failed(failed, id, (ApiError) results.get(i));
      }
    }
    return out;
  }

  private static void failed(ArrayNode failed, String id, ApiError e) {
    String code = e.headers().getOrDefault("x-amzn-query-error", e.type()).split(";")[0];
    failed.addObject().put("Id", id).put("SenderFault", true).put("Code", code).put("Message", e.getMessage());
  }

  @FunctionalInterface
  private interface EntryWork {
    void run(String queue, JsonNode entry);
  }

  /** A batch of deletes or visibility changes: each entry done or failed alone. */
  private ObjectNode batch(JsonNode in, EntryWork work) {
    String queue = queueName(in);
    queues.existing(queue);
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode ok = out.putArray("Successful");
    ArrayNode failed = out.putArray("Failed");
    for (JsonNode e : entries(in)) {
      String id = e.get("Id").asText();
      try {
        work.run(queue, e);
        ok.addObject().put("Id", id);
      } catch (ApiError err) {
        failed(failed, id, err);
      }
    }
    return out;
  }

  private static List<JsonNode> entries(JsonNode in) {
    JsonNode entries = in.get("Entries");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw SqsErrors.of("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.");
    }
    if (entries.size() > 10) {
      throw SqsErrors.of("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
          "Maximum number of entries per request are 10. You have sent " + entries.size() + ".");
    }
    Set<String> ids = new HashSet<>();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : entries) {
      String id = e.path("Id").asText("");
      if (!BATCH_ID.matcher(id).matches()) {
        throw SqsErrors.of("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
            "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
      }
      if (!ids.add(id)) {
        throw SqsErrors.of("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", "Id " + id + " repeated.");
      }
      out.add(e);
    }
    return out;
  }

  private ObjectNode receive(JsonNode in) throws InterruptedException {
    String queue = queueName(in);
    LocalQueues.Queue q = queues.existing(queue);
    int max = in.hasNonNull("MaxNumberOfMessages") ? in.get("MaxNumberOfMessages").asInt() : 1;
    if (max < 1 || max > 10) {
      throw SqsErrors.invalidValue("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
    }
    int wait = in.hasNonNull("WaitTimeSeconds") ? in.get("WaitTimeSeconds").asInt() : q.seconds("ReceiveMessageWaitTimeSeconds");
    if (wait < 0 || wait > 20) {
      throw SqsErrors.invalidValue("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
    }
    Integer hide = in.hasNonNull("VisibilityTimeout") ? visibility(in.get("VisibilityTimeout"), false) : null;
    Set<String> system = names(in.get("MessageSystemAttributeNames"));
    system.addAll(names(in.get("AttributeNames")));
    Set<String> userNames = names(in.get("MessageAttributeNames"));
    List<QueueMessage.Received> got = queues.receive(queue, max, hide, wait * 1000L);
    ObjectNode out = Json.NODES.objectNode();
    if (got.isEmpty()) {
      return out;
    }
    ArrayNode messages = out.putArray("Messages");
    for (QueueMessage.Received m : got) {
      ObjectNode o = messages.addObject();
      o.put("MessageId", m.messageId());
      o.put("ReceiptHandle", m.receiptHandle());
      o.put("MD5OfBody", m.md5OfBody());
      o.put("Body", m.body());
      Map<String, String> attrs = new LinkedHashMap<>();
      m.systemAttributes().forEach((k, v) -> {
        if (v != null && (system.contains("All") || system.contains(k))) {
          attrs.put(k, v);
        }
      });
      if (!attrs.isEmpty()) {
        ObjectNode a = o.putObject("Attributes");
        attrs.forEach(a::put);
      }
      ObjectNode user = selected(m.attributes(), userNames);
      if (user != null) {
        o.put("MD5OfMessageAttributes", MessageMd5.ofAttributes(user));
        o.set("MessageAttributes", user);
      }
    }
    return out;
  }

  /** The message attributes asked for: All, .*, names, or prefixes (name.*). */
  private static ObjectNode selected(JsonNode attributes, Set<String> names) {
    if (attributes == null || attributes.isEmpty() || names.isEmpty()) {
      return null;
    }
    ObjectNode out = Json.NODES.objectNode();
    attributes.properties().forEach(e -> {
      String n = e.getKey();
      boolean wanted = names.contains("All") || names.contains(".*") || names.contains(n)
          || names.stream().anyMatch(p -> p.endsWith(".*") && n.startsWith(p.substring(0, p.length() - 1)));
      if (wanted) {
        out.set(n, e.getValue());
      }
    });
    return out.isEmpty() ? null : out;
  }

  private static int visibility(JsonNode v, boolean required) {
    if (v == null || v.isNull()) {
      if (required) {
        throw SqsErrors.missing("VisibilityTimeout");
      }
      return 0;
    }
    int seconds = v.asInt();
    if (seconds < 0 || seconds > 43200) {
      throw SqsErrors.invalidValue("VisibilityTimeout", seconds, "Must be between 0 and 43200, if provided.");
    }
    return seconds;
  }

  private static Set<String> names(JsonNode list) {
    Set<String> out = new HashSet<>();
    if (list != null && list.isArray()) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static String queueName(JsonNode in) {
    return nameOfUrl(text(in, "QueueUrl"));
  }

  private static String required(JsonNode in, String field) {
    String v = text(in, field);
    if (v == null || v.isEmpty()) {
      throw SqsErrors.missing(field);
    }
    return v;
  }

  private static String text(JsonNode in, String field) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static JsonNode object(JsonNode v) {
    return v == null || v.isNull() ? null : v;
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null && map.isObject()) {
      map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
