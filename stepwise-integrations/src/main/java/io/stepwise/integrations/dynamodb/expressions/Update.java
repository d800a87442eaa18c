package io.stepwise.integrations.dynamodb.expressions;

import java.util.List;

/** A parsed UpdateExpression: its actions in the order written, by clause. */
public record Update(List<Action> actions) {
  public sealed interface Action {
    Path path();
  }

  record Set(Path path, Operand value) implements Action {}

  record Remove(Path path) implements Action {}

  record Add(Path path, Operand value) implements Action {}

  record Delete(Path path, Operand value) implements Action {}
}
