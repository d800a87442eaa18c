package io.stepwise.engine.mock;

import io.stepwise.asl.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A mock configuration that cannot be used: every problem, each at its JSON Pointer. */
public final class InvalidMockConfigException extends IllegalArgumentException {
  private final List<Problem> problems;

  public InvalidMockConfigException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
