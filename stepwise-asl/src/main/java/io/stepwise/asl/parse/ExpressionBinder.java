package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.ValueExpression;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.query.JsonataTemplate;
import io.stepwise.asl.template.PayloadTemplate;

/** Compiles expression-valued fields of either query language into {@link Expression}s. */
final class ExpressionBinder {

  /** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, ...). */
  Expression template(Fields f, String field) {
    JsonNode v = f.get(field);
    if (v == null) {
      return null;
    }
    try {
      PayloadTemplate t = PayloadTemplate.compile(v);
      return t::evaluate;
    } catch (ExpressionSyntaxException e) {
      f.problem(field, e.getMessage());
      return null;
    }
  }

  /** A reference path or intrinsic call whose value must be a string (Fail ErrorPath/CausePath). */
  Expression value(Fields f, String field) {
    ValueExpression ve = f.compile(field, ValueExpression::compile);
    if (ve == null) {
      return null;
    }
    return scope -> ve.evaluate(scope, field);
  }

  /** A JSONata-mode field: a template whose strings may hold {% %} expressions. */
  Expression jsonata(Fields f, String field) {
    JsonNode v = f.get(field);
    if (v == null) {
      return null;
    }
    try {
      JsonataTemplate t = JsonataTemplate.compile(v, field);
      return Expression.withText(t::evaluate, sourceText(v));
    } catch (ExpressionSyntaxException e) {
      f.problem(field, e.getMessage());
      return null;
    }
  }

  /** A Map's Items: an array, or an expression that must return one. */
  Expression jsonataItems(Fields f) {
    JsonNode v = f.get("Items");
    if (v == null) {
      return null;
    }
    Expression e = jsonata(f, "Items");
    if (e == null || !JsonataTemplate.isExpression(v)) {
      return e;
    }
    return scope -> {
      JsonNode items = e.evaluate(scope);
      if (!items.isArray()) {
        throw RuntimeCauses.unexpectedType(e.text(), "Items", "array", items);
      }
      return items;
    };
  }

  /** What a cause quotes of a JSONata field: the expression between {% %}, or the field as written. */
  private static String sourceText(JsonNode v) {
    if (JsonataTemplate.isExpression(v)) {
      return v.textValue().substring(2, v.textValue().length() - 2).trim();
    }
    return v.isTextual() ? v.textValue() : io.stepwise.asl.json.Json.write(v);
  }
}
