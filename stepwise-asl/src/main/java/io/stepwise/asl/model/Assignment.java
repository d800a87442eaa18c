package io.stepwise.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.Scope;

/**
 * A state's or rule's Assign field: evaluates to an object whose fields are the variables to set.
 *
 * @param values the compiled Assign object
 */
public record Assignment(Expression values) {
  public ObjectNode evaluate(Scope scope) {
    JsonNode v = values.evaluate(scope);
    return (ObjectNode) v;
  }
}
