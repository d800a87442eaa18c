package io.stepwise.asl.model;

/** Error and Cause: each a constant, a computed value (ErrorPath/CausePath or JSONata), or absent. */
public record FailState(StateCommon common, String error, String cause, Expression errorValue, Expression causeValue)
    implements State {
  @Override
  public String typeName() {
    return "Fail";
  }
}
