package io.stepwise.cli;

import io.stepwise.conformance.ConformanceCase;
import io.stepwise.conformance.ConformanceRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stepwise conformance DIR}: runs the conformance corpus and reports how the engine
 * compares with what AWS returned. Exit 0 unless a --min-*-rate is not met (1) or the corpus
 * cannot be read (2); failing cases alone do not change the exit code. The harness is
 * {@link ConformanceRunner} (module stepwise-conformance); this command maps the options, the
 * results file and the exit code.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the conformance corpus (cases recorded against AWS Step Functions) and compares each result.",
      "",
      "Prints FAIL <id>: <first difference> per failing case, a line per query language (jsonpath, jsonata)"
          + " with its pass rate (passed / (passed + failed)), then 'N passed, M failed, K skipped'. Failing cases"
          + " alone do not change the exit code; a pass rate below --min-*-rate does."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
public final class ConformanceCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The corpus directory (holding cases/), a cases directory, or one case directory.")
  Path dir;

  @Option(names = "--case", paramLabel = "GLOB", description = "Only cases whose id matches (* and ?); repeatable or comma-separated.", split = ",")
  List<String> cases = new ArrayList<>();

  @Option(names = "--results", paramLabel = "FILE", description = "Write one JSON line per case: id, status, output, error, cause, events, verdict, reason.")
  Path results;

  @Option(names = "--min-jsonpath-rate", paramLabel = "PERCENT", description = "Exit 1 when the JSONPath pass rate is below this.")
  Double minJsonPathRate;

  @Option(names = "--min-jsonata-rate", paramLabel = "PERCENT", description = "Exit 1 when the JSONata pass rate is below this.")
  Double minJsonataRate;

  @Option(names = "--verbose", description = "Print every difference in full, and the skipped cases.")
  boolean verbose;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Time limit per case (default ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--replay", description = "Also resume every execution from its whole history, stored as JSON, and fail a case whose replay records other events.")
  boolean replay;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Cases run at once (default ${DEFAULT-VALUE}).")
  int jobs;

  @Override
  public Integer call() {
    ConformanceRunner.Options options =
        ConformanceRunner.Options.defaults()
            .withVerbose(verbose)
            .withJobs(jobs)
            .withReplay(replay)
            .withCaseTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
    ConformanceRunner.Report report;
    try {
      report = new ConformanceRunner(options).run(dir, cases, System.out);
    } catch (NoSuchFileException e) {
      System.err.println(dir + ": not a conformance corpus directory");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      System.err.println(dir + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (results != null) {
      try {
        report.writeResults(results);
      } catch (IOException e) {
        System.err.println(results + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    return exitCode(report, minJsonPathRate, minJsonataRate, System.err);
  }

  /** 1 when a required pass rate is not met, else 0. */
  static int exitCode(ConformanceRunner.Report report, Double minJsonPath, Double minJsonata, PrintStream err) {
    int code = 0;
    if (minJsonPath != null && report.passRate(ConformanceCase.Mode.JSONPATH) < minJsonPath) {
      err.printf(Locale.ROOT, "jsonpath pass rate %.1f%% is below the required %.1f%%%n", report.passRate(ConformanceCase.Mode.JSONPATH), minJsonPath);
      code = ExitCodes.FAILED;
    }
    if (minJsonata != null && report.passRate(ConformanceCase.Mode.JSONATA) < minJsonata) {
      err.printf(Locale.ROOT, "jsonata pass rate %.1f%% is below the required %.1f%%%n", report.passRate(ConformanceCase.Mode.JSONATA), minJsonata);
      code = ExitCodes.FAILED;
    }
    return code;
  }
}
