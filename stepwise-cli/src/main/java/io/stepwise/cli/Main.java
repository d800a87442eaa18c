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
      TestStateCommand.class,
      ValidateCommand.class,
      GraphCommand.class,
      TestCommand.class,
      ServeCommand.class,
      io.stepwise.cli.demo.DemoCommand.class,
      FunctionsCommand.class,
      MessagesCommand.class,
      HttpBenchCommand.class,
      ConformanceCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE, ExitCodes.INVALID_LINE, ExitCodes.INTERNAL_LINE})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // picocli hands on only Exceptions; an Error still gets one line, not a trace
      System.err.println("stepwise: internal error: " + e + " (please report it)");
      code = ExitCodes.INTERNAL;
    }
    System.exit(code);
  }

  public static CommandLine commandLine() {
    // "@FILE" is ours (an input file), not picocli's argument-file expansion
    return new CommandLine(new Main())
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler(Main::report)
        .setParameterExceptionHandler(Main::usageError);
  }

  /** A mistake on the command line: what is wrong and where to read more, not the whole help. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.USAGE;
  }

  /**
   * What a command could not use is one line naming it (exit 2). Anything else is a bug in
   * Stepwise: one line too, with the stack trace only when STEPWISE_DEBUG is set.
   */
  private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (e instanceof Inputs.InputException) {
      cmd.getErr().println(e.getMessage());
      return ExitCodes.USAGE;
    }
    cmd.getErr().println("stepwise: internal error: " + e + " (set STEPWISE_DEBUG=1 for the stack trace, and please report it)");
    if (System.getenv("STEPWISE_DEBUG") != null) {
      e.printStackTrace(cmd.getErr());
    }
    return ExitCodes.INTERNAL;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
