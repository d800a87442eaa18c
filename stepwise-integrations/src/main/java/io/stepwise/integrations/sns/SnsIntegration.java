package io.stepwise.integrations.sns;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.messaging.LocalMessaging;
import io.stepwise.integrations.messaging.SdkClients;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS as {@code stepwise serve} runs it: local topics ({@link LocalTopics}), or a real endpoint through the SDK's SnsClient. */
public final class SnsIntegration implements Integration {
  private final SnsBackend backend;
  private final LocalMessaging local;
  private final String description;

  private SnsIntegration(SnsBackend backend, LocalMessaging local, String description) {
    this.backend = backend;
    this.local = local;
    this.description = description;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings s = context.services().of("sns");
    if (s.isLocal()) {
      LocalMessaging local = LocalMessaging.acquire(context);
      return new SnsIntegration(new LocalTopics(local.db(), context.clock(), context.region(), context.account()), local,
          "local (topics " + local.where() + "; read them with stepwise messages --topic)");
    }
    return new SnsIntegration(new RemoteSns(SdkClients.build(SnsClient.builder(), s, context)), null, s.describe());
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
