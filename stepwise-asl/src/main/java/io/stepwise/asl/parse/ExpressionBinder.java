package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
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
      return t::evaluate;
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
    String text = v.textValue().substring(2, v.textValue().length() - 2).trim();
    return scope -> {
      JsonNode items = e.evaluate(scope);
      if (!items.isArray()) {
        throw new StatesException(
            StatesErrors.QUERY_EVALUATION_ERROR,
            "The JSONata expression '" + text + "' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '"
                + typeName(items) + "' for value: " + io.stepwise.asl.json.Json.write(items),
            "Items");
      }
      return items;
    };
  }

  private static String typeName(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
