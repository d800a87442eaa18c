package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.ExpressionSyntaxException;
import io.stepwise.asl.expr.ValueExpression;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.template.PayloadTemplate;

/** Compiles expression-valued fields of either query language into {@link Expression}s. */
final class ExpressionBinder {

  static boolean isJsonata(JsonNode v) {
    return v != null && v.isTextual() && v.textValue().startsWith("{%") && v.textValue().endsWith("%}");
  }

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
    return JSONATA.compile(v, f.at(field), f);
  }

  /** Set by the JSONata module when it is present; until then JSONata fields fail at run time. */
  static volatile JsonataCompiler JSONATA =
      (node, pointer, fields) ->
          scope -> {
            throw new StatesException(StatesErrors.RUNTIME, "JSONata expressions are not supported yet");
          };

  /** Compiles a JSONata-mode field value. */
  interface JsonataCompiler {
    Expression compile(JsonNode value, String pointer, Fields fields);
  }
}
