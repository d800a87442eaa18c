package io.stepwise.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.choice.Comparison;
import io.stepwise.asl.choice.Operator;
import io.stepwise.asl.model.Assignment;
import io.stepwise.asl.model.ChoiceRule;
import io.stepwise.asl.model.Condition;
import io.stepwise.asl.model.Expression;
import io.stepwise.asl.model.QueryLanguage;
import io.stepwise.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Binds Choice rules: JSONPath comparisons and combinators, or JSONata Conditions. */
final class ChoiceBinder {
  private final ExpressionBinder expressions;

  ChoiceBinder(ExpressionBinder expressions) {
    this.expressions = expressions;
  }

  List<ChoiceRule> rules(Fields f, QueryLanguage ql) {
    List<ChoiceRule> rules = new ArrayList<>();
    JsonNode arr = f.get("Choices");
    if (arr == null || !arr.isArray()) {
      f.problem("Choices", "must be a non-empty array of rules");
      return rules;
    }
    for (int i = 0; i < arr.size(); i++) {
      Fields rf = new Fields(arr.get(i), f.at("Choices") + "/" + i, f.problems);
      Condition c = ql == QueryLanguage.JSONATA ? jsonataCondition(rf) : condition(rf);
      Expression assign = ql == QueryLanguage.JSONATA ? expressions.jsonata(rf, "Assign") : expressions.template(rf, "Assign");
      Expression output = ql == QueryLanguage.JSONATA ? expressions.jsonata(rf, "Output") : null;
      rules.add(new ChoiceRule(c, rf.stateName("Next"), assign == null ? null : new Assignment(assign), output));
    }
    return rules;
  }

  private Condition jsonataCondition(Fields rf) {
    Expression e = expressions.jsonata(rf, "Condition");
    if (e == null) {
      rf.problem("Condition", "is required in a JSONata Choice rule");
      return scope -> false;
    }
    return scope -> {
      JsonNode v = e.evaluate(scope);
      if (v == null || !v.isBoolean()) {
        throw new io.stepwise.asl.error.StatesException(
            io.stepwise.asl.error.StatesErrors.QUERY_EVALUATION_ERROR,
            "The Condition of a Choice rule must evaluate to a boolean");
      }
      return v.booleanValue();
    };
  }

  Condition condition(Fields rf) {
    if (!rf.node.isObject()) {
      rf.problem(null, "a choice rule must be an object");
      return scope -> false;
    }
    if (rf.has("And") || rf.has("Or")) {
      String field = rf.has("And") ? "And" : "Or";
      JsonNode arr = rf.get(field);
      List<Condition> inner = new ArrayList<>();
      if (arr == null || !arr.isArray() || arr.isEmpty()) {
        rf.problem(field, "must be a non-empty array of rules");
      } else {
        for (int i = 0; i < arr.size(); i++) {
          inner.add(condition(new Fields(arr.get(i), rf.at(field) + "/" + i, rf.problems)));
        }
      }
      return field.equals("And") ? new Condition.And(List.copyOf(inner)) : new Condition.Or(List.copyOf(inner));
    }
    if (rf.has("Not")) {
      return new Condition.Not(condition(new Fields(rf.get("Not"), rf.at("Not"), rf.problems)));
    }
    JsonPath variable = rf.compile("Variable", JsonPath::compile);
    if (variable == null) {
      if (!rf.has("Variable")) {
        rf.problem("Variable", "is required in a comparison rule");
      }
      return scope -> false;
    }
    Iterator<String> names = rf.node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      Operator op = Operator.byField(name);
      if (op == null) {
        continue;
      }
      if (Operator.isPathVariant(name)) {
        JsonPath other = rf.compile(name, JsonPath::compile);
        return other == null ? scope -> false : new Comparison(variable, op, null, other);
      }
      JsonNode literal = rf.get(name);
      if (!literalFits(op, literal)) {
        rf.problem(name, "must be " + expected(op.kind));
        return scope -> false;
      }
      return new Comparison(variable, op, literal, null);
    }
    rf.problem(null, "a comparison rule needs exactly one comparison operator");
    return scope -> false;
  }

  private static boolean literalFits(Operator op, JsonNode v) {
    return switch (op.kind) {
      case STRING, TIMESTAMP -> v.isTextual();
      case NUMERIC -> v.isNumber();
      case BOOLEAN, TYPE_TEST -> v.isBoolean();
    };
  }

  private static String expected(Operator.Kind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case TIMESTAMP -> "a timestamp string";
      case NUMERIC -> "a number";
      case BOOLEAN, TYPE_TEST -> "a boolean";
    };
  }
}
