package io.stepwise.integrations;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.config.ServicesSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every service integration of a server, made from its settings: what {@code stepwise serve}
 * registers with the engine ({@link #handlers()}) and serves on its port ({@link #apis()}).
 * Each service has one factory here; a service with none yet has no handler, and its Tasks fail
 * with the engine's "no handler" error.
 */
public final class Integrations implements AutoCloseable {
  /** The factory of each service, in {@link ServicesSettings#SERVICES}' order. */
  private static final Map<String, Function<IntegrationContext, Integration>> FACTORIES = factories();

  private static Map<String, Function<IntegrationContext, Integration>> factories() {
    Map<String, Function<IntegrationContext, Integration>> f = new LinkedHashMap<>();
    f.put("lambda", io.stepwise.integrations.lambda.LambdaIntegration::create);
    f.put("dynamodb", io.stepwise.integrations.dynamodb.DynamoDbIntegration::create);
    f.put("s3", io.stepwise.integrations.s3.S3Integration::create);
    return f;
  }

  private final List<Integration> integrations;

  private Integrations(List<Integration> integrations) {
    this.integrations = integrations;
  }

  /**
   * Opens every integration; one that cannot be opened closes those opened before it and throws,
   * naming the service.
   */
  public static Integrations open(IntegrationContext context) {
    List<Integration> opened = new ArrayList<>();
    for (String service : ServicesSettings.SERVICES) {
      Function<IntegrationContext, Integration> factory = FACTORIES.get(service);
      if (factory == null) {
        continue;
      }
      try {
        opened.add(factory.apply(context));
      } catch (RuntimeException e) {
        opened.forEach(Integration::close);
        throw new IllegalStateException("cannot start the " + service + " integration: " + e.getMessage(), e);
      }
    }
    return new Integrations(List.copyOf(opened));
  }

  public List<Integration> all() {
    return integrations;
  }

  public List<TaskHandler> handlers() {
    List<TaskHandler> out = new ArrayList<>();
    integrations.forEach(i -> out.addAll(i.handlers()));
    return out;
  }

  public List<JsonApi> apis() {
    List<JsonApi> out = new ArrayList<>();
    integrations.forEach(i -> out.addAll(i.apis()));
    return out;
  }

  /** Closes every integration, the last opened first. */
  @Override
  public void close() {
    for (int i = integrations.size() - 1; i >= 0; i--) {
      integrations.get(i).close();
    }
  }
}
