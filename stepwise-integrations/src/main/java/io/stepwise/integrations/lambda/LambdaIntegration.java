package io.stepwise.integrations.lambda;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import java.util.List;

/**
 * Lambda as {@code stepwise serve} runs it. For now the emulation with no functions declared:
 * every Lambda task fails with Lambda.ResourceNotFoundException naming the function, as AWS
 * answers for a function that does not exist.
 */
public final class LambdaIntegration implements Integration {
  private final LambdaFunctions functions;

  private LambdaIntegration(LambdaFunctions functions) {
    this.functions = functions;
  }

  public static Integration create(IntegrationContext context) {
    return new LambdaIntegration(LambdaFunctions.builder(context.clock(), java.util.UUID::randomUUID).build());
  }

  @Override
  public String service() {
    return "lambda";
  }

  @Override
  public List<TaskHandler> handlers() {
    return List.of(functions);
  }

  @Override
  public String describe() {
    return "local, no functions declared";
  }
}
