package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Choice states and their rules. JSONPath rules compare a Variable with one operator, or combine
 * rules with And, Or or Not; JSONata rules have a Condition. Only top-level rules have Next.
 */
final class ChoiceChecker {
  /** What an operator's operand must be. */
  private enum Operand {
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    TIMESTAMP("a timestamp"),
    PATH("a path");

    final String description;

    Operand(String description) {
      this.description = description;
    }
  }

  private static final Map<String, Operand> OPERATORS = new HashMap<>();
  private static final Set<String> COMBINATORS = Set.of("And", "Or", "Not");
  private static final Set<String> JSONATA_RULE_FIELDS = Set.of("Condition", "Next", "Comment", "Assign", "Output");

  static {
    for (String cmp : List.of("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals")) {
      operator("String" + cmp, Operand.STRING);
      operator("Numeric" + cmp, Operand.NUMBER);
      operator("Timestamp" + cmp, Operand.TIMESTAMP);
    }
    operator("BooleanEquals", Operand.BOOLEAN);
    OPERATORS.put("StringMatches", Operand.STRING);
    for (String test : List.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp")) {
      OPERATORS.put(test, Operand.BOOLEAN);
    }
  }

  private static void operator(String name, Operand operand) {
    OPERATORS.put(name, operand);
    OPERATORS.put(name + "Path", Operand.PATH);
  }

  private ChoiceChecker() {}

  static void check(Site s, QueryLanguage ql, List<Transition> transitions) {
    if (s.require("Choices") && s.array("Choices", true)) {
      Site choices = s.field("Choices");
      for (int i = 0; i < choices.node.size(); i++) {
        Site rule = choices.item(i);
        if (!rule.isObject()) {
          rule.problem("a choice rule must be an object");
        } else if (ql == QueryLanguage.JSONATA) {
          jsonataRule(rule, transitions);
        } else {
          rule(rule, true, transitions);
        }
      }
    }
    String dflt = s.nonEmptyText("Default");
    if (dflt != null) {
      transitions.add(new Transition(s.at("Default"), "Default", dflt));
    }
  }

  private static void jsonataRule(Site r, List<Transition> transitions) {
    r.node.fieldNames().forEachRemaining(f -> {
      if (OPERATORS.containsKey(f) || COMBINATORS.contains(f) || f.equals("Variable")) {
        r.problem(Site.quote(f) + " is not allowed with QueryLanguage JSONata");
      } else if (!JSONATA_RULE_FIELDS.contains(f)) {
        r.problem("unknown field " + Site.quote(f));
      }
    });
    r.text("Comment");
    if (r.require("Condition") && !FixedOrExpression.isExpression(r, "Condition", QueryLanguage.JSONATA, "a boolean")) {
      r.bool("Condition");
    }
    next(r, transitions);
    if (r.object("Assign")) {
      JsonataChecks.field(r, "Assign");
    }
    JsonataChecks.field(r, "Output");
  }

  private static void rule(Site r, boolean top, List<Transition> transitions) {
    List<String> operators = new ArrayList<>();
    r.node.fieldNames().forEachRemaining(f -> {
      if (OPERATORS.containsKey(f) || COMBINATORS.contains(f)) {
        operators.add(f);
      } else if (f.equals("Next") || f.equals("Assign")) {
        if (!top) {
          r.problem(Site.quote(f) + " is not allowed in a nested rule");
        }
      } else if (f.equals("Condition") || f.equals("Output")) {
        r.problem(Site.quote(f) + " requires QueryLanguage JSONata");
      } else if (!f.equals("Variable") && !f.equals("Comment")) {
        r.problem("unknown field " + Site.quote(f));
      }
    });
    r.text("Comment");
    if (operators.isEmpty()) {
      r.problem("a rule needs a comparison operator, or \"And\", \"Or\" or \"Not\"");
    } else if (operators.size() > 1) {
      r.problem("a rule takes one operator, not " + Site.quoteAll(operators));
    }
    boolean comparison = false;
    for (String op : operators) {
      if (COMBINATORS.contains(op)) {
        combinator(r, op, transitions);
      } else {
        comparison = true;
        operand(r, op, OPERATORS.get(op));
      }
    }
    if (comparison) {
      if (r.require("Variable")) {
        PathChecks.path(r, "Variable", false);
      }
    } else if (!operators.isEmpty() && r.has("Variable")) {
      r.problem("\"Variable\" is not allowed with " + Site.quote(operators.get(0)));
    }
    if (top) {
      next(r, transitions);
      PayloadTemplates.check(r, "Assign", true);
    }
  }

  private static void combinator(Site r, String op, List<Transition> transitions) {
    if (op.equals("Not")) {
      if (r.object("Not")) {
        rule(r.field("Not"), false, transitions);
      }
      return;
    }
    if (!r.array(op, true)) {
      return;
    }
    Site rules = r.field(op);
    for (int i = 0; i < rules.node.size(); i++) {
      Site inner = rules.item(i);
      if (inner.isObject()) {
        rule(inner, false, transitions);
      } else {
        inner.problem("a choice rule must be an object");
      }
    }
  }

  private static void operand(Site r, String op, Operand kind) {
    JsonNode v = r.get(op);
    boolean fits = switch (kind) {
      case STRING, TIMESTAMP, PATH -> v.isTextual();
      case NUMBER -> v.isNumber();
      case BOOLEAN -> v.isBoolean();
    };
    if (!fits) {
      r.problem(op, "must be " + kind.description);
    } else if (kind == Operand.PATH) {
      PathChecks.path(r, op, false);
    } else if (kind == Operand.TIMESTAMP) {
      WaitAndFailChecker.timestamp(r, op);
    }
  }

  private static void next(Site r, List<Transition> transitions) {
    if (r.require("Next")) {
      String next = r.nonEmptyText("Next");
      if (next != null) {
        transitions.add(new Transition(r.at("Next"), "Next", next));
      }
    }
  }
}
