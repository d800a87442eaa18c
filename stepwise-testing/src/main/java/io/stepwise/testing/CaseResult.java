package io.stepwise.testing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How one case went.
 *
 * @param name the case's name
 * @param millis how long it took: the run and the comparison
 * @param differences how the run differs from what the case expects (empty when it passed)
 * @param error why the case could not be run at all (the engine refused it), else null
 * @param outcome what the run did, or null when it could not run
 */
public record CaseResult(String name, double millis, List<Difference> differences, String error, Outcome outcome) {
  public CaseResult {
    differences = List.copyOf(differences);
  }

  public boolean passed() {
    return error == null && differences.isEmpty();
  }

  /** One line naming what differs, as a failure's message. */
  public String message() {
    if (error != null) {
      return "could not run: " + error;
    }
    return differences.stream().map(Difference::summary).collect(Collectors.joining("; "));
  }

  /** Every difference with expected and actual, for people. */
  public String text() {
    if (error != null) {
      return message();
    }
    return differences.stream().map(Difference::text).collect(Collectors.joining("\n"));
  }
}
