package io.stepwise.integrations.sns;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.messaging.LocalMessaging;
import io.stepwise.integrations.messaging.SdkClients;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SNS as {@code stepwise serve} runs it: local topics ({@link LocalTopics}, served as SNS's query
 * API by {@link SnsQueryApi}), or a real endpoint through the SDK's SnsClient.
 */
public final class SnsIntegration implements Integration {
  private final SnsBackend backend;
  private final SnsQueryApi api;
  private final LocalMessaging local;
  private final String description;

  private SnsIntegration(SnsBackend backend, SnsQueryApi api, LocalMessaging local, String description) {
    this.backend = backend;
    this.api = api;
    this.local = local;
    this.description = description;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings s = context.services().of("sns");
    if (s.isLocal()) {
      LocalMessaging local = LocalMessaging.acquire(context);
      LocalTopics topics = new LocalTopics(local.db(), local.queues(), context.clock(), context.region(), context.account());
      return new SnsIntegration(new LocalSns(topics, context.clock()), new SnsQueryApi(topics), local,
          "local (topics " + local.where() + "; sqs subscriptions deliver to local queues; stepwise messages --topic reads them)");
    }
    return new SnsIntegration(new RemoteSns(SdkClients.build(SnsClient.builder(), s, context)), null, null, s.describe());
  }

  @Override
  public String service() {
    return "sns";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(new SnsTasks(backend));
  }

  @Override
  public List<io.stepwise.integrations.api.QueryApi> queryApis() {
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
