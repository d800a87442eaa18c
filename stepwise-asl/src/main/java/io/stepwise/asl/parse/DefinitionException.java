package io.stepwise.asl.parse;

import io.stepwise.asl.validate.Problem;
import java.util.List;

/** A definition that cannot be loaded; each problem names where (JSON Pointer) and what is wrong. */
public final class DefinitionException extends RuntimeException {
  private final List<Problem> problems;

  public DefinitionException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    StringBuilder sb = new StringBuilder("Invalid state machine definition:");
    for (Problem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }
}
