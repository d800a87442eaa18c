package io.stepwise.cli;

import io.stepwise.asl.validate.Problem;
import io.stepwise.asl.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stepwise validate FILE...}: exit 0 when every definition is valid, 1 otherwise. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks state machine definitions and lists every problem as JSON-Pointer: what is wrong.",
      "Also warns (without failing) about what AWS accepts but is likely a mistake: a variable read",
      "where no visible state assigns it, or a branch or iteration assigning a name its enclosing scope assigns."})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ASL definition files (JSON).")
  List<Path> files;

  @Override
  public Integer call() throws IOException {
    boolean ok = true;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file);
      } catch (NoSuchFileException e) {
        System.err.println(file + ": no such file");
        ok = false;
        continue;
      }
      List<Problem> problems = Validator.validate(text);
      List<Problem> warnings = Validator.warnings(text);
      if (problems.isEmpty()) {
        System.out.println(file + ": valid"
            + (warnings.isEmpty() ? "" : " (" + warnings.size() + (warnings.size() == 1 ? " warning)" : " warnings)")));
        for (Problem w : warnings) {
          System.out.println("  warning " + w);
        }
      } else {
        ok = false;
        System.out.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        for (Problem p : problems) {
          System.out.println("  " + p);
        }
      }
    }
    return ok ? 0 : 1;
  }
}
