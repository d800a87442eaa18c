package io.stepwise.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.expr.ValueExpression;
import io.stepwise.asl.json.Json;

/** A compiled part of a payload template. */
sealed interface TemplateNode {

  JsonNode evaluate(Scope scope);

  /** A subtree with no {@code .$} field anywhere in it: returned as is, never copied. */
  record Constant(JsonNode value) implements TemplateNode {
    @Override
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  /** A {@code "key.$"} field's value; {@code field} is the key as written, for errors. */
  record Dynamic(String field, ValueExpression expression) implements TemplateNode {
    @Override
    public JsonNode evaluate(Scope scope) {
      return expression.evaluate(scope, field);
    }
  }

  /** An object with computed fields; {@code names} are the output names, in output order. */
  record ObjectTemplate(String[] names, TemplateNode[] values) implements TemplateNode {
    @Override
    public JsonNode evaluate(Scope scope) {
      // sized for its fields up front: no rehashing while it is filled
      ObjectNode out = new ObjectNode(Json.NODES, new java.util.LinkedHashMap<>(names.length * 4 / 3 + 2));
      for (int i = 0; i < names.length; i++) {
        out.set(names[i], values[i].evaluate(scope));
      }
      return out;
    }
  }

  /** An array with a computed field somewhere among its items. */
  record ArrayTemplate(TemplateNode[] items) implements TemplateNode {
    @Override
    public JsonNode evaluate(Scope scope) {
      ArrayNode out = Json.NODES.arrayNode(items.length);
      for (TemplateNode item : items) {
        out.add(item.evaluate(scope));
      }
      return out;
    }
  }
}
