package io.stepwise.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;

/**
 * A compiled value-producing field (Parameters, ResultSelector, Assign, Arguments, Output, ...):
 * a JSONPath payload template or a JSONata template. Compiled when the definition loads.
 */
@FunctionalInterface
public interface Expression {
  JsonNode evaluate(Scope scope);
}
