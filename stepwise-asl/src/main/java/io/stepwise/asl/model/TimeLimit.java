package io.stepwise.asl.model;

import io.stepwise.asl.path.JsonPath;

/**
 * TimeoutSeconds or HeartbeatSeconds: a constant, a path to read at run time, or an expression.
 */
public sealed interface TimeLimit {
  record Fixed(long seconds) implements TimeLimit {}

  record FromPath(JsonPath path, String field) implements TimeLimit {}

  record FromExpression(Expression expression, String field) implements TimeLimit {}
}
