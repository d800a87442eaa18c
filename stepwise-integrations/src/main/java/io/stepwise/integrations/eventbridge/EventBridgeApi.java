package io.stepwise.integrations.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.JsonApi;

/**
 * EventBridge's JSON 1.1 API ({@code X-Amz-Target: AWSEvents.*}) over {@link LocalBuses}, on the
 * Stepwise port: PutEvents, CreateEventBus, DeleteEventBus, DescribeEventBus, ListEventBuses,
 * PutRule, DescribeRule, ListRules, DeleteRule, PutTargets, RemoveTargets, ListTargetsByRule.
 */
final class EventBridgeApi implements JsonApi {
  private final LocalBuses buses;

  EventBridgeApi(LocalBuses buses) {
    this.buses = buses;
  }

  @Override
  public String targetPrefix() {
    return "AWSEvents";
  }

  @Override
  public String signingName() {
    return "events";
  }

  @Override
  public JsonNode call(String operation, JsonNode in) {
    return switch (operation) {
      case "PutEvents" -> buses.putEventsApi(in);
      case "CreateEventBus" -> buses.createBus(in.path("Name").asText(null));
      case "DeleteEventBus" -> buses.deleteBus(in.path("Name").asText(null));
      case "DescribeEventBus" -> buses.describeBus(in.path("Name").asText(null));
      case "ListEventBuses" -> buses.listBuses(in.path("NamePrefix").asText(null));
      case "PutRule" -> buses.putRule(in);
      case "DescribeRule" -> buses.describeRule(in);
      case "ListRules" -> buses.listRules(in);
      case "DeleteRule" -> buses.deleteRule(in);
      case "PutTargets" -> buses.putTargets(in);
      case "RemoveTargets" -> buses.removeTargets(in);
      case "ListTargetsByRule" -> buses.listTargets(in);
      default -> throw new ApiError(400, "UnknownOperationException", "Stepwise's EventBridge does not implement " + operation);
    };
  }
}
