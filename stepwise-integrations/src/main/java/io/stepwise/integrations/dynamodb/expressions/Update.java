package io.stepwise.integrations.dynamodb.expressions;

import java.util.List;

/** A parsed UpdateExpression: its actions in the order written, by clause. */
public record Update(List<Action> actions) {
  public sealed interface Action {
    Path path();
  }

  public record Set(Path path, Operand value) implements Action {}

  public record Remove(Path path) implements Action {}

  public record Add(Path path, Operand value) implements Action {}

  public record Delete(Path path, Operand value) implements Action {}
}
