package io.stepwise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stepwise} command. */
@Command(
    name = "stepwise",
    mixinStandardHelpOptions = true,
    version = "stepwise 0.1.0",
    description = "Runs Amazon States Language state machines as AWS Step Functions does.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      io.stepwise.cli.conformance.ConformanceCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    // "@FILE" is ours (an input file), not picocli's argument-file expansion
    return new CommandLine(new Main()).setExpandAtFiles(false);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
