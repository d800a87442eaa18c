package io.stepwise.asl.model;

import java.util.List;

public record ParallelState(
    StateCommon common,
    String next,
    List<StateGraph> branches,
    Expression parameters,
    ResultHandling result,
    ErrorHandling errors)
    implements State {
  @Override
  public String typeName() {
    return "Parallel";
  }
}
