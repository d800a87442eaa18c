package io.stepwise.integrations.http;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import java.util.List;

/**
 * The HTTP Task as {@code stepwise serve} runs it. It has no stand-in and no settings: it calls
 * the endpoint each task names.
 */
public final class HttpIntegration implements Integration {
  private final HttpInvoke invoke = new HttpInvoke();

  public static Integration create(IntegrationContext context) {
    return new HttpIntegration();
  }

  @Override
  public String service() {
    return "http";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(invoke);
  }

  @Override
  public String describe() {
    return "calls the ApiEndpoint each task names (60 s a call; ConnectionArn accepted, not used)";
  }
}
