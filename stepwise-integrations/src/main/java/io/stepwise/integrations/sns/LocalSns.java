package io.stepwise.integrations.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.messaging.SdkMetadata;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.UUID;

/** The tasks' SNS calls on the local topics: SNS's answer as its query protocol writes it, and its errors. */
final class LocalSns implements SnsBackend {
  private final LocalTopics topics;
  private final InstantSource clock;

  LocalSns(LocalTopics topics, InstantSource clock) {
    this.topics = topics;
    this.clock = clock;
  }

  @Override
  public ServiceAnswer publish(JsonNode request) {
    String requestId = UUID.randomUUID().toString();
    try {
      LocalTopics.Published p = topics.publish(request);
      ObjectNode body = Json.NODES.objectNode().put("MessageId", p.messageId());
      if (p.sequenceNumber() != null) {
        body.put("SequenceNumber", p.sequenceNumber());
      }
      String xml = SnsQueryApi.publishXml(p, requestId);
      return new ServiceAnswer(body, 200,
          SdkMetadata.localHeaders(requestId, clock.instant(), "text/xml", xml.getBytes(StandardCharsets.UTF_8).length), requestId);
    } catch (ApiError e) {
      throw new ServiceError(e.status(), e.type(), e.type(), e.getMessage(), requestId);
    }
  }
}
