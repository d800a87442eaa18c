package io.stepwise.testing;

import java.util.Locale;

/** A suite's result as people read it in a terminal: a line per case, the differences of a failure, a summary. */
public final class TextReport {
  private TextReport() {}

  /** "PASS  name  (1.2 ms)", or FAIL and then each difference, indented. */
  public static String line(CaseResult c) {
    StringBuilder b = new StringBuilder();
    b.append(c.passed() ? "PASS  " : "FAIL  ").append(c.name()).append("  (").append(millis(c.millis())).append(')');
    if (!c.passed()) {
      for (String l : c.text().split("\n", -1)) {
        b.append(System.lineSeparator()).append("      ").append(l);
      }
    }
    return b.toString();
  }

  /** "N passed, M failed (in 12 ms)". */
  public static String summary(SuiteResult r) {
    return r.passed() + " passed, " + r.failed() + " failed (" + millis(r.millis()) + ")";
  }

  private static String millis(double ms) {
    return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
  }
}
