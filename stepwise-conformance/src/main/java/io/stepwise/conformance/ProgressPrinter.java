package io.stepwise.conformance;

import io.stepwise.conformance.ConformanceRunner.CaseResult;
import io.stepwise.conformance.ConformanceRunner.Report;
import io.stepwise.conformance.ConformanceRunner.Verdict;
import java.io.PrintStream;

/**
 * The console report: a FAIL line per failing case as it finishes (with --verbose, every
 * difference and the skips too), then a line per query language and last the summary line.
 * A null stream prints nothing.
 */
final class ProgressPrinter {
  private static final int LINE_MAX = 300;

  private final boolean verbose;

  ProgressPrinter(boolean verbose) {
    this.verbose = verbose;
  }

  void print(CaseResult r, PrintStream out) {
    if (out == null) {
      return;
    }
    if (r.verdict() == Verdict.FAIL) {
      out.println(Normalizer.abbreviate("FAIL " + r.id() + ": " + r.reason(), LINE_MAX));
      if (verbose) {
        for (String d : r.details()) {
          if (!d.equals(r.reason())) {
            out.println("    " + d.replace("\n", "\n    "));
          }
        }
      }
    } else if (r.verdict() == Verdict.SKIP && verbose) {
      out.println("SKIP " + r.id() + ": " + r.reason());
    }
  }

  void printSummary(Report report, PrintStream out) {
    if (out != null) {
      for (ConformanceCase.Mode m : ConformanceCase.Mode.values()) {
        out.println(report.modeLine(m));
      }
      out.println(report.summaryLine());
      out.flush();
    }
  }
}
