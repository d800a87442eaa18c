package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.messaging.SdkClients;
import io.stepwise.integrations.messaging.ServiceAnswer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The tasks' SQS calls on a real endpoint, through the SDK's SqsClient. */
final class RemoteSqs implements SqsBackend {
  private final SqsClient client;

  RemoteSqs(SqsClient client) {
    this.client = client;
  }

  @Override
  public ServiceAnswer sendMessage(JsonNode in) {
    SendMessageRequest.Builder b = SendMessageRequest.builder()
        .queueUrl(in.path("QueueUrl").asText(null))
        .messageBody(in.path("MessageBody").asText(null));
    if (in.hasNonNull("DelaySeconds")) {
      b.delaySeconds(in.get("DelaySeconds").asInt());
    }
    if (in.hasNonNull("MessageAttributes")) {
      b.messageAttributes(attributes(in.get("MessageAttributes")));
    }
    if (in.hasNonNull("MessageSystemAttributes")) {
      Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> system = new LinkedHashMap<>();
      in.get("MessageSystemAttributes").properties().forEach(e -> system.put(MessageSystemAttributeNameForSends.fromValue(e.getKey()),
          MessageSystemAttributeValue.builder().dataType(e.getValue().path("DataType").asText()).stringValue(e.getValue().path("StringValue").asText(null)).build()));
      b.messageSystemAttributes(system);
    }
    if (in.hasNonNull("MessageGroupId")) {
      b.messageGroupId(in.get("MessageGroupId").asText());
    }
    if (in.hasNonNull("MessageDeduplicationId")) {
      b.messageDeduplicationId(in.get("MessageDeduplicationId").asText());
    }
    SendMessageResponse r;
    try {
      r = client.sendMessage(b.build());
    } catch (SqsException e) {
      throw SdkClients.error(e, SqsException.class);
    }
    ObjectNode out = Json.NODES.objectNode();
    out.put("MD5OfMessageBody", r.md5OfMessageBody());
    if (r.md5OfMessageAttributes() != null) {
      out.put("MD5OfMessageAttributes", r.md5OfMessageAttributes());
    }
    if (r.md5OfMessageSystemAttributes() != null) {
      out.put("MD5OfMessageSystemAttributes", r.md5OfMessageSystemAttributes());
    }
    out.put("MessageId", r.messageId());
    if (r.sequenceNumber() != null) {
      out.put("SequenceNumber", r.sequenceNumber());
    }
    return new ServiceAnswer(out, r.sdkHttpResponse().statusCode(), r.sdkHttpResponse().headers(), r.responseMetadata().requestId());
  }

  static Map<String, MessageAttributeValue> attributes(JsonNode attributes) {
    Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
    attributes.properties().forEach(e -> {
      JsonNode a = e.getValue();
      MessageAttributeValue.Builder v = MessageAttributeValue.builder().dataType(a.path("DataType").asText(null));
      if (a.hasNonNull("StringValue")) {
        v.stringValue(a.get("StringValue").asText());
      }
      if (a.hasNonNull("BinaryValue")) {
        v.binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(a.get("BinaryValue").asText())));
      }
      out.put(e.getKey(), v.build());
    });
    return out;
  }

  @Override
  public void close() {
    client.close();
  }

}
