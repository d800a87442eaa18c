package io.stepwise.integrations.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.messaging.SdkClients;
import io.stepwise.integrations.messaging.ServiceAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** The tasks' EventBridge calls on a real endpoint, through the SDK's EventBridgeClient. */
final class RemoteEventBridge implements EventBridgeBackend {
  private final EventBridgeClient client;

  RemoteEventBridge(EventBridgeClient client) {
    this.client = client;
  }

  @Override
  public ServiceAnswer putEvents(JsonNode in) {
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    for (JsonNode e : in.path("Entries")) {
      PutEventsRequestEntry.Builder b = PutEventsRequestEntry.builder()
          .source(text(e, "Source")).detailType(text(e, "DetailType")).detail(text(e, "Detail"))
          .eventBusName(text(e, "EventBusName")).traceHeader(text(e, "TraceHeader"));
      if (e.has("Resources")) {
        List<String> resources = new ArrayList<>();
        e.get("Resources").forEach(r -> resources.add(r.asText()));
        b.resources(resources);
      }
      if (e.hasNonNull("Time")) {
        b.time(Instant.ofEpochSecond(e.get("Time").asLong()));
      }
      entries.add(b.build());
    }
    PutEventsResponse r;
    try {
      r = client.putEvents(b -> b.entries(entries).endpointId(text(in, "EndpointId")));
    } catch (EventBridgeException e) {
      throw SdkClients.error(e, EventBridgeException.class);
    }
    ObjectNode out = Json.NODES.objectNode();
    out.put("FailedEntryCount", r.failedEntryCount() == null ? 0 : r.failedEntryCount());
    ArrayNode results = out.putArray("Entries");
    for (PutEventsResultEntry e : r.entries()) {
      ObjectNode o = results.addObject();
      if (e.eventId() != null) {
        o.put("EventId", e.eventId());
      }
      if (e.errorCode() != null) {
        o.put("ErrorCode", e.errorCode()).put("ErrorMessage", e.errorMessage());
      }
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
