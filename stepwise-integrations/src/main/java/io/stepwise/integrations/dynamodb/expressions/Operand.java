package io.stepwise.integrations.dynamodb.expressions;

import io.stepwise.integrations.dynamodb.model.AttributeValue;

/** What a comparison or an update compares or computes: a path, a value, or a function of them. */
public sealed interface Operand {
  record PathOperand(Path path) implements Operand {}

  /** An {@code :value} placeholder, resolved when parsed. */
  record Value(String ref, AttributeValue value) implements Operand {}

  /** {@code size(path)}. */
  record Size(Path path) implements Operand {}

  /** {@code if_not_exists(path, operand)} (updates only). */
  record IfNotExists(Path path, Operand fallback) implements Operand {}

  /** {@code list_append(a, b)} (updates only). */
  record ListAppend(Operand first, Operand second) implements Operand {}

  /** {@code a + b} or {@code a - b} (updates only). */
  record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {}
}
