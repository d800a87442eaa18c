package io.stepwise.cli;

import io.stepwise.asl.validate.Problem;
import io.stepwise.testing.InvalidSuiteException;
import io.stepwise.testing.JUnitXml;
import io.stepwise.testing.Suite;
import io.stepwise.testing.SuiteParser;
import io.stepwise.testing.SuiteResult;
import io.stepwise.testing.SuiteRunner;
import io.stepwise.testing.TextReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stepwise test SUITE}: every case of a suite in memory on its mocks; exit 0 when all pass, 1 when one fails, 2 for a malformed suite. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a test suite: the cases of a state machine on mocked Task states, PASS or FAIL each.",
      "",
      "Each case has its input, its mocked Task states (Step Functions Local's MockedResponses format) and what it"
          + " expects (status, output, error, cause, the states entered, variables). Every case runs in memory with"
          + " fast time; one line per case, then 'N passed, M failed'.",
      "",
      "A malformed suite (its definition invalid too) is refused with exit code 2 before any case runs, every problem"
          + " at its JSON Pointer (docs/testing.md)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
final class TestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file: YAML, or JSON when it ends in .json.")
  Path suiteFile;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the results as JUnit XML, for CI servers.")
  Path junitXml;

  @Override
  public Integer call() {
    Suite suite;
    try {
      suite = SuiteParser.parse(suiteFile);
    } catch (InvalidSuiteException e) {
      System.err.println(e.source() + ": invalid suite (" + e.problems().size() + (e.problems().size() == 1 ? " problem)" : " problems)"));
      for (Problem p : e.problems()) {
        System.err.println("  " + p);
      }
      return ExitCodes.USAGE;
    }
    SuiteResult result = new SuiteRunner().run(suite, c -> System.out.println(TextReport.line(c)));
    System.out.println(TextReport.summary(result));
    if (junitXml != null) {
      try {
        JUnitXml.write(result, junitXml);
      } catch (IOException e) {
        throw new Inputs.InputException("--junit-xml: cannot write " + junitXml + ": " + e.getMessage());
      }
    }
    return result.allPassed() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
