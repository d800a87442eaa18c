package io.stepwise.integrations.dynamodb;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.dynamodb.api.DynamoDbApi;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import io.stepwise.integrations.dynamodb.tasks.DynamoDbBackend;
import io.stepwise.integrations.dynamodb.tasks.DynamoDbTasks;
import io.stepwise.integrations.dynamodb.tasks.LocalBackend;
import io.stepwise.integrations.dynamodb.tasks.RemoteBackend;
import java.util.List;

/**
 * DynamoDB as {@code stepwise serve} runs it: local (tables in {@code dynamodb.db} under the data
 * directory, or in memory without one; DynamoDB's JSON API served on the Stepwise port) or remote
 * (every Task call made on the configured endpoint through the SDK).
 */
public final class DynamoDbIntegration implements Integration {
  private final DynamoDbBackend backend;
  private final LocalDynamoDb local;

  private DynamoDbIntegration(DynamoDbBackend backend, LocalDynamoDb local) {
    this.backend = backend;
    this.local = local;
  }

  public static Integration create(IntegrationContext context) {
    ServiceSettings settings = context.services().of("dynamodb");
    if (settings.isLocal()) {
      LocalDynamoDb local = new LocalDynamoDb(TableStore.open(context.dataDir()), context.clock(), context.region(), context.account());
      return new DynamoDbIntegration(new LocalBackend(local, context.clock()), local);
    }
    return new DynamoDbIntegration(RemoteBackend.create(settings, context.region()), null);
  }

  @Override
  public String service() {
    return "dynamodb";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(new DynamoDbTasks(backend));
  }

  @Override
  public List<JsonApi> apis() {
    return local == null ? List.of() : List.of(new DynamoDbApi(local));
  }

  @Override
  public String describe() {
    return backend.describe();
  }

  @Override
  public void close() {
    backend.close();
    if (local != null) {
      local.close();
    }
  }
}
