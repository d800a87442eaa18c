package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;

/**
 * One state: its type, query language, fields, transition (Next xor End), the fields many types
 * share, then the checks of its own type.
 */
final class StateChecker {
  /**
   * What the scope needs to know of a state: where it can go, whether it can end the scope, and
   * whether it could be read at all (when not, reachability is not judged).
   */
  record Info(List<Transition> transitions, boolean terminal, boolean read) {
    static final Info UNREADABLE = new Info(List.of(), true, false);
  }

  private StateChecker() {}

  /** {@code machineQl}: the machine's language, which every state without its own takes. */
  static Info check(Site s, QueryLanguage machineQl, boolean jsonataMachine) {
    if (!s.isObject()) {
      s.problem("a state must be an object");
      return Info.UNREADABLE;
    }
    QueryLanguage ql = language(s, machineQl);
    if (jsonataMachine && ql == QueryLanguage.JSONPATH && s.has("QueryLanguage")) {
      s.problem("QueryLanguage", "a JSONPath state is not allowed in a JSONata state machine");
    }
    s.text("Comment");
    String type = s.text("Type");
    if (type == null) {
      s.require("Type");
      return Info.UNREADABLE;
    }
    if (!StateFields.TYPES.contains(type)) {
      s.problem("Type", "unknown state type " + Site.quote(type));
      return Info.UNREADABLE;
    }
    StateFields.screen(s, type, ql);
    List<Transition> transitions = new ArrayList<>();
    boolean terminal = switch (type) {
      case "Succeed", "Fail" -> true;
      case "Choice" -> false;
      default -> nextOrEnd(s, transitions);
    };
    sharedFields(s, type, ql);
    switch (type) {
      case "Task" -> TaskChecker.check(s, ql);
      case "Choice" -> ChoiceChecker.check(s, ql, transitions);
      case "Wait" -> WaitAndFailChecker.checkWait(s, ql);
      case "Fail" -> WaitAndFailChecker.checkFail(s, ql);
      case "Parallel" -> branches(s, machineQl, jsonataMachine);
      case "Map" -> MapChecker.check(s, ql, machineQl, jsonataMachine);
      default -> { } // Pass and Succeed have only shared fields
    }
    if (StateFields.allows(type, "Retry", ql)) {
      ErrorHandlerChecker.retriers(s);
      ErrorHandlerChecker.catchers(s, ql, transitions);
    }
    return new Info(transitions, terminal, true);
  }

  /** The QueryLanguage a state or scope sets, or the inherited one. */
  static QueryLanguage language(Site s, QueryLanguage inherited) {
    String ql = s.oneOf("QueryLanguage", "JSONPath", "JSONata");
    return ql == null ? inherited : QueryLanguage.of(ql);
  }

  /** Exactly one of Next and "End": true; returns whether the state ends its scope. */
  private static boolean nextOrEnd(Site s, List<Transition> transitions) {
    Boolean end = s.bool("End");
    boolean hasNext = s.has("Next");
    if (hasNext && s.has("End")) {
      s.problem("\"Next\" and \"End\" cannot both be set");
    } else if (!hasNext && end == null && !s.has("End")) {
      s.problem("one of \"Next\" or \"End\" is required");
    } else if (!hasNext && Boolean.FALSE.equals(end)) {
      s.problem("End", "must be true when there is no \"Next\"");
    }
    String next = s.nonEmptyText("Next");
    if (next != null) {
      transitions.add(new Transition(s.at("Next"), "Next", next));
    }
    return Boolean.TRUE.equals(end);
  }

  /** Fields with the same meaning wherever they are allowed; other checkers skip them. */
  private static void sharedFields(Site s, String type, QueryLanguage ql) {
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.path(s, "InputPath", true);
      PathChecks.path(s, "OutputPath", true);
      if (StateFields.allows(type, "ResultPath", ql)) {
        PathChecks.resultPath(s, "ResultPath");
      }
      if (StateFields.allows(type, "Parameters", ql)) {
        PayloadTemplates.check(s, "Parameters", false);
      }
      if (StateFields.allows(type, "ResultSelector", ql)) {
        PayloadTemplates.check(s, "ResultSelector", true);
      }
      if (StateFields.allows(type, "Assign", ql)) {
        PayloadTemplates.check(s, "Assign", true);
      }
      return;
    }
    if (StateFields.allows(type, "Output", ql)) {
      JsonataChecks.field(s, "Output");
    }
    if (StateFields.allows(type, "Arguments", ql)) {
      objectOrExpression(s, "Arguments");
    }
    if (StateFields.allows(type, "Assign", ql) && s.object("Assign")) {
      JsonataChecks.field(s, "Assign");
    }
  }

  /** A JSONata-mode field that takes an object (whose strings may be expressions) or one expression. */
  static void objectOrExpression(Site s, String field) {
    JsonNode v = s.get(field);
    if (v == null) {
      return;
    }
    if (v.isObject() || JsonataChecks.isExpression(v)) {
      JsonataChecks.field(s, field);
    } else {
      s.problem(field, "must be an object or a JSONata expression");
    }
  }

  private static void branches(Site s, QueryLanguage machineQl, boolean jsonataMachine) {
    if (!s.require("Branches") || !s.array("Branches", true)) {
      return;
    }
    Site branches = s.field("Branches");
    for (int i = 0; i < branches.node.size(); i++) {
      Site branch = branches.item(i);
      if (branch.isObject()) {
        ScopeChecker.check(branch, ScopeChecker.Kind.BRANCH, machineQl, jsonataMachine);
      } else {
        branch.problem("a branch must be an object with StartAt and States");
      }
    }
  }
}
