package io.stepwise.integrations.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.messaging.SdkClients;
import io.stepwise.integrations.messaging.ServiceAnswer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** The tasks' SNS calls on a real endpoint, through the SDK's SnsClient. */
final class RemoteSns implements SnsBackend {
  private final SnsClient client;

  RemoteSns(SnsClient client) {
    this.client = client;
  }

  @Override
  public ServiceAnswer publish(JsonNode in) {
    PublishRequest.Builder b = PublishRequest.builder()
        .topicArn(text(in, "TopicArn")).targetArn(text(in, "TargetArn")).phoneNumber(text(in, "PhoneNumber"))
        .message(text(in, "Message")).subject(text(in, "Subject")).messageStructure(text(in, "MessageStructure"))
        .messageGroupId(text(in, "MessageGroupId")).messageDeduplicationId(text(in, "MessageDeduplicationId"));
    if (in.hasNonNull("MessageAttributes")) {
      Map<String, MessageAttributeValue> attrs = new LinkedHashMap<>();
      in.get("MessageAttributes").properties().forEach(e -> {
        JsonNode a = e.getValue();
        MessageAttributeValue.Builder v = MessageAttributeValue.builder().dataType(text(a, "DataType")).stringValue(text(a, "StringValue"));
        if (a.hasNonNull("BinaryValue")) {
          v.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(a.get("BinaryValue").asText())));
        }
        attrs.put(e.getKey(), v.build());
      });
      b.messageAttributes(attrs);
    }
    PublishResponse r;
    try {
      r = client.publish(b.build());
    } catch (SnsException e) {
      throw SdkClients.error(e, SnsException.class);
    }
    ObjectNode out = Json.NODES.objectNode().put("MessageId", r.messageId());
    if (r.sequenceNumber() != null) {
      out.put("SequenceNumber", r.sequenceNumber());
    }
    return new ServiceAnswer(out, r.sdkHttpResponse().statusCode(), r.sdkHttpResponse().headers(), r.responseMetadata().requestId());
  }

  private static String text(JsonNode in, String field) {
    JsonNode v = in.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public void close() {
    client.close();
  }
}
