package io.stepwise.asl.model;

import io.stepwise.asl.path.JsonPath;

/** Exactly one of the four ways to say how long to wait is non-null. */
public record WaitState(
    StateCommon common,
    String next,
    Long seconds,
    String timestamp,
    JsonPath secondsPath,
    JsonPath timestampPath,
    Expression secondsExpression,
    Expression timestampExpression)
    implements State {
  @Override
  public String typeName() {
    return "Wait";
  }
}
