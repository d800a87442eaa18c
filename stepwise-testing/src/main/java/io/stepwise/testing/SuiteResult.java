package io.stepwise.testing;

import java.time.Instant;
import java.util.List;

/**
 * How a suite went: each case, in the order written.
 *
 * @param started when the suite began running, for reports
 * @param millis how long all its cases took
 */
public record SuiteResult(String name, Instant started, double millis, List<CaseResult> cases) {
  public SuiteResult {
    cases = List.copyOf(cases);
  }

  public long passed() {
    return cases.stream().filter(CaseResult::passed).count();
  }

  public long failed() {
    return cases.size() - passed();
  }

  /** Cases that could not run at all (JUnit XML's errors, beside its failures). */
  public long errors() {
    return cases.stream().filter(c -> c.error() != null).count();
  }

  public boolean allPassed() {
    return failed() == 0;
  }
}
