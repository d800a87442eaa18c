package io.stepwise.cli.demo;

import io.stepwise.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stepwise demo NAME}: a ready-made application on a running Stepwise. */
@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = DeliveryDemoCommand.class,
    description = "Runs a ready-made application on Stepwise: 'stepwise demo delivery' (docs/delivery-assistant.md).",
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE})
public final class DemoCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
