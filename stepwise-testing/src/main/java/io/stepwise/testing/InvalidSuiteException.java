package io.stepwise.testing;

import io.stepwise.asl.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A suite that cannot be run: every problem, each at its JSON Pointer into the suite file. */
public final class InvalidSuiteException extends IllegalArgumentException {
  private final String source;
  private final List<Problem> problems;

  public InvalidSuiteException(String source, List<Problem> problems) {
    super(source + ": invalid suite (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ")\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The suite file (or what stood for it). */
  public String source() {
    return source;
  }

  public List<Problem> problems() {
    return problems;
  }
}
