package io.stepwise.cli;

import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stepwise validate FILE...}: exit 0 when every definition is valid, 3 when one is not, 2 when one cannot be read. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks state machine definitions and lists every problem as JSON-Pointer: what is wrong.",
      "",
      "Also warns, without failing, about what AWS accepts but is likely a mistake: a variable read where no"
          + " visible state assigns it, or a branch or iteration assigning a name its enclosing scope assigns."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.INVALID_LINE})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ASL definition files (JSON); - reads standard input.")
  List<String> files;

  private final Inputs inputs = Inputs.fromSystemIn();

  @Override
  public Integer call() {
    boolean unreadable = false;
    boolean invalid = false;
    for (String file : files) {
      String text;
      try {
        text = inputs.read(file);
      } catch (Inputs.InputException e) {
        System.err.println(e.getMessage());
        unreadable = true;
        continue;
      }
      String label = file.equals(Inputs.STDIN) ? "standard input" : file;
      List<Problem> problems = Validator.validate(text);
      if (problems.isEmpty()) {
        List<Problem> warnings = Validator.warnings(text);
        System.out.println(label + ": valid"
            + (warnings.isEmpty() ? "" : " (" + warnings.size() + (warnings.size() == 1 ? " warning)" : " warnings)")));
        for (Problem w : warnings) {
          System.out.println("  warning " + w);
        }
      } else {
        invalid = true;
        System.out.println(label + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        for (Problem p : problems) {
          System.out.println("  " + p);
        }
      }
    }
    // a file that could not be read at all says more about the command line than an invalid one
    return unreadable ? ExitCodes.USAGE : invalid ? ExitCodes.INVALID_DEFINITION : ExitCodes.OK;
  }
}
