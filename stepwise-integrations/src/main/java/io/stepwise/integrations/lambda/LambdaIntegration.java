package io.stepwise.integrations.lambda;

import io.stepwise.engine.task.TaskHandler;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.lambda.command.CommandTarget;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.config.FunctionsConfig;
import io.stepwise.integrations.lambda.remote.AwsTarget;
import io.stepwise.integrations.lambda.remote.LambdaClients;
import io.stepwise.integrations.lambda.targets.LambdaTarget;
import io.stepwise.integrations.lambda.url.UrlTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lambda as {@code stepwise serve} runs it: the functions the configuration file declares
 * ({@code functions:}, {@link FunctionsConfig}), each a local command, an HTTP endpoint or a real
 * Lambda; when {@code services.lambda} is {@code aws} or an endpoint, every other name goes there
 * through the SDK, else it fails with Lambda.ResourceNotFoundException as AWS answers for a
 * function that does not exist. Command workers start on first use and stop with the server.
 */
public final class LambdaIntegration implements Integration {
  private final LambdaFunctions functions;
  private final String description;

  private LambdaIntegration(LambdaFunctions functions, String description) {
    this.functions = functions;
    this.description = description;
  }

  public static Integration create(IntegrationContext context) {
    Path dir = context.configDir() != null ? context.configDir() : Path.of("").toAbsolutePath();
    List<FunctionSpec> specs = FunctionsConfig.read(context.functions(), dir);
    ServiceSettings service = context.services().of("lambda");
    LambdaFunctions.Builder b = LambdaFunctions.builder(context.clock(), UUID::randomUUID);
    List<LambdaTarget> made = new ArrayList<>();
    try {
      for (FunctionSpec spec : specs) {
        LambdaTarget t = target(spec, service, context.region());
        made.add(t);
        b.target(spec.name(), t);
      }
      if (!service.isLocal()) {
        b.remote(new AwsTarget(LambdaClients.create(service, context.region()), null, LambdaClients.where(service, context.region()), true));
      }
    } catch (RuntimeException e) {
      made.forEach(LambdaTarget::close);
      throw e;
    }
    return new LambdaIntegration(b.build(), describe(specs, service, context.region()));
  }

  static LambdaTarget target(FunctionSpec spec, ServiceSettings service, String region) {
    return switch (spec) {
      case FunctionSpec.Command c -> new CommandTarget(c, Map.of("AWS_REGION", region, "AWS_DEFAULT_REGION", region));
      case FunctionSpec.Url u -> new UrlTarget(u);
      case FunctionSpec.Aws a -> {
        ServiceSettings s = settingsFor(a, service);
        yield new AwsTarget(LambdaClients.create(s, region), a.function(), LambdaClients.where(s, region), true);
      }
    };
  }

  /** An aws function's client settings: services.lambda's, in the function's own region when it has one. */
  private static ServiceSettings settingsFor(FunctionSpec.Aws a, ServiceSettings service) {
    String r = a.region() != null ? a.region() : arnRegion(a.function());
    return r == null ? service : new ServiceSettings(service.service(), service.endpoint(), r, service.accessKeyId(),
        service.secretAccessKey(), service.sessionToken());
  }

  /** What a declared function runs or calls, as the log and {@code stepwise functions list} say it. */
  public static String targetOf(FunctionSpec spec, ServiceSettings service, String region) {
    return spec instanceof FunctionSpec.Aws a ? a.function() + " on " + LambdaClients.where(settingsFor(a, service), region) : spec.target();
  }

  private static String arnRegion(String function) {
    return function.startsWith("arn:") ? function.split(":")[3] : null;
  }

  /** The log line: each declared function with its kind and target, and where other names go. */
  public static String describe(List<FunctionSpec> specs, ServiceSettings service, String region) {
    StringBuilder sb = new StringBuilder(service.isLocal() ? "local" : "remote");
    if (specs.isEmpty()) {
      sb.append(", no functions declared");
    } else {
      sb.append(", ").append(specs.size()).append(specs.size() == 1 ? " function" : " functions").append(" declared: ");
      for (int i = 0; i < specs.size(); i++) {
        FunctionSpec s = specs.get(i);
        sb.append(i > 0 ? "; " : "").append(s.name()).append(" (").append(s.kind()).append(": ").append(targetOf(s, service, region)).append(')');
      }
    }
    sb.append(service.isLocal() ? "; other names fail with Lambda.ResourceNotFoundException"
        : "; other names go to " + LambdaClients.where(service, region));
    return sb.toString();
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
    return description;
  }

  @Override
  public void close() {
    functions.close();
  }
}
