package io.stepwise.cli;

import io.stepwise.cli.serve.ServeSettings;
import io.stepwise.cli.serve.SettingsException;
import io.stepwise.integrations.config.ServiceSettings;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import io.stepwise.integrations.lambda.config.FunctionsConfig;
import io.stepwise.integrations.lambda.remote.LambdaClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stepwise functions list}: the Lambda functions the configuration declares, as {@code stepwise serve} reads them. */
@Command(
    name = "functions",
    mixinStandardHelpOptions = true,
    description = "The Lambda functions of the configuration file (functions: in stepwise.yaml).",
    subcommands = {FunctionsCommand.ListFunctions.class},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE})
final class FunctionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {"Prints each declared function: its name, kind (command, url, aws) and what it runs or calls; then where"
          + " other function names go (services.lambda). Reads the configuration as 'stepwise serve' does."},
      exitCodeListHeading = ExitCodes.HEADING,
      exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE + " The configuration file cannot be used."})
  static final class ListFunctions implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "The configuration file (STEPWISE_CONFIG; default stepwise.yaml in the working directory, when there is one).")
    String config;

    @Option(names = "--service", paramLabel = "SERVICE=ENDPOINT", description = "As for serve: how a Task reaches a service; repeatable.")
    List<String> services = List.of();

    Map<String, String> env = System.getenv();
    Path workDir = Path.of("").toAbsolutePath();

    @Override
    public Integer call() {
      ServeSettings settings;
      List<FunctionSpec> specs;
      try {
        settings = ServeSettings.resolve(Map.of(), services, config, env, workDir);
        specs = FunctionsConfig.read(settings.functions(), settings.configDir());
      } catch (SettingsException | IllegalArgumentException e) {
        System.err.println("stepwise functions list: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      if (specs.isEmpty()) {
        System.out.println(settings.configFile() == null ? "No configuration file, so no functions declared."
            : "No functions declared in " + settings.configFile() + ".");
      } else {
        int w = Math.max(4, specs.stream().mapToInt(s -> s.name().length()).max().orElse(4));
        System.out.printf("%-" + w + "s  %-7s  %s%n", "NAME", "KIND", "TARGET");
        for (FunctionSpec s : specs) {
          System.out.printf("%-" + w + "s  %-7s  %s%n", s.name(), s.kind(),
              io.stepwise.integrations.lambda.LambdaIntegration.targetOf(s, settings.services().of("lambda"), settings.region()));
        }
      }
      ServiceSettings lambda = settings.services().of("lambda");
      System.out.println(lambda.isLocal() ? "Other function names fail with Lambda.ResourceNotFoundException (services.lambda is local)."
          : "Other function names go to " + LambdaClients.where(lambda, settings.region()) + ".");
      return ExitCodes.OK;
    }
  }
}
