package io.stepwise.integrations.sqs;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.messaging.LocalMessaging;
import io.stepwise.integrations.messaging.SdkClients;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS as {@code stepwise serve} runs it: local queues ({@link LocalQueues}, served as SQS's JSON
 * API on the Stepwise port by {@link SqsApi}), or a real endpoint through the SDK's SqsClient.
 */
public final class SqsIntegration implements Integration {
  private final SqsTasks tasks;
  private final SqsBackend backend;
  private final SqsApi api;
  private final LocalMessaging local;
  private final String description;

  private SqsIntegration(SqsBackend backend, SqsApi api, LocalMessaging local, String description) {
    this.backend = backend;
    this.tasks = new SqsTasks(backend);
    this.api = api;
    this.local = local;
    this.description = description;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings s = context.services().of("sqs");
    if (s.isLocal()) {
      LocalMessaging local = LocalMessaging.acquire(context);
      SqsApi api = new SqsApi(local.queues());
      return new SqsIntegration(new LocalSqs(api, context.clock()), api, local, "local (queues " + local.where() + ")");
    }
    SqsClient client = SdkClients.build(SqsClient.builder(), s, context);
    return new SqsIntegration(new RemoteSqs(client), null, null, s.describe());
  }

  @Override
  public String service() {
    return "sqs";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(tasks);
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
