package io.stepwise.integrations.dynamodb.expressions;

import java.util.List;

/** A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
public sealed interface Condition {
  /** {@code =, <>, <, <=, >, >=}. */
  record Compare(Operand left, String operator, Operand right) implements Condition {}

  record Between(Operand value, Operand low, Operand high) implements Condition {}

  record In(Operand value, List<Operand> candidates) implements Condition {}

  record And(Condition left, Condition right) implements Condition {}

  record Or(Condition left, Condition right) implements Condition {}

  record Not(Condition condition) implements Condition {}

  /** {@code attribute_exists(path)} ({@code exists}) or {@code attribute_not_exists(path)}. */
  record Exists(Path path, boolean exists) implements Condition {}

  record AttributeType(Path path, Operand type) implements Condition {}

  record BeginsWith(Operand value, Operand prefix) implements Condition {}

  record Contains(Operand value, Operand member) implements Condition {}
}
