package io.stepwise.asl.model;

import io.stepwise.asl.path.JsonPath;

/**
 * A numeric Map field that may be given as a constant, a path (the {@code ...Path} variant) or a
 * JSONata expression, e.g. MaxConcurrency, ToleratedFailurePercentage, MaxItemsPerBatch.
 */
public sealed interface NumberField {
  /** The field's name as written, for error messages. */
  String field();

  record Fixed(String field, double value) implements NumberField {}

  record FromPath(String field, JsonPath path) implements NumberField {}

  record FromExpression(String field, Expression expression) implements NumberField {}
}
