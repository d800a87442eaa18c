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
  /**
   * The factory of each service, in {@link ServicesSettings#SERVICES}' order; those without
   * settings of their own (the HTTP Task) are opened after them, in the order put.
   */
  private static final Map<String, Function<IntegrationContext, Integration>> FACTORIES = factories();

  private static Map<String, Function<IntegrationContext, Integration>> factories() {
    Map<String, Function<IntegrationContext, Integration>> f = new LinkedHashMap<>();
    f.put("lambda", io.stepwise.integrations.lambda.LambdaIntegration::create);
    f.put("dynamodb", io.stepwise.integrations.dynamodb.DynamoDbIntegration::create);
    f.put("s3", io.stepwise.integrations.s3.S3Integration::create);
    f.put("sqs", io.stepwise.integrations.sqs.SqsIntegration::create);
    f.put("sns", io.stepwise.integrations.sns.SnsIntegration::create);
    f.put("eventbridge", io.stepwise.integrations.eventbridge.EventBridgeIntegration::create);
    f.put("http", io.stepwise.integrations.http.HttpIntegration::create);
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
    List<String> order = new ArrayList<>(ServicesSettings.SERVICES);
    FACTORIES.keySet().stream().filter(s -> !order.contains(s)).forEach(order::add);
    for (String service : order) {
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

  public List<io.stepwise.integrations.api.QueryApi> queryApis() {
    List<io.stepwise.integrations.api.QueryApi> out = new ArrayList<>();
    integrations.forEach(i -> out.addAll(i.queryApis()));
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
