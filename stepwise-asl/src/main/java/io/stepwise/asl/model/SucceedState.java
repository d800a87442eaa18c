package io.stepwise.asl.model;

public record SucceedState(StateCommon common) implements State {
  @Override
  public String typeName() {
    return "Succeed";
  }
}
