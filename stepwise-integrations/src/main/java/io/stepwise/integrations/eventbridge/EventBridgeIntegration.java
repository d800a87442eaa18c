package io.stepwise.integrations.eventbridge;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.messaging.LocalMessaging;
import io.stepwise.integrations.messaging.SdkClients;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * EventBridge as {@code stepwise serve} runs it: local buses ({@link LocalBuses}, served as
 * EventBridge's JSON API by {@link EventBridgeApi}), or a real endpoint through the SDK's EventBridgeClient.
 */
public final class EventBridgeIntegration implements Integration {
  private final EventBridgeBackend backend;
  private final EventBridgeApi api;
  private final LocalMessaging local;
  private final String description;

  private EventBridgeIntegration(EventBridgeBackend backend, EventBridgeApi api, LocalMessaging local, String description) {
    this.backend = backend;
    this.api = api;
    this.local = local;
    this.description = description;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings s = context.services().of("eventbridge");
    if (s.isLocal()) {
      LocalMessaging local = LocalMessaging.acquire(context);
      LocalBuses buses = new LocalBuses(local.db(), local.queues(), context.clock(), context.region(), context.account());
      return new EventBridgeIntegration(buses, new EventBridgeApi(buses), local,
          "local (buses " + local.where() + "; rules deliver to local queues; read them with stepwise messages --bus)");
    }
    return new EventBridgeIntegration(new RemoteEventBridge(SdkClients.build(EventBridgeClient.builder(), s, context)), null, null, s.describe());
  }

  @Override
  public String service() {
    return "eventbridge";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(new EventBridgeTasks(backend));
  }

  @Override
  public List<JsonApi> apis() {
    return api == null ? List.of() : List.of(api);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    backend.close();
    if (local != null) {
      local.release();
    }
  }
}
