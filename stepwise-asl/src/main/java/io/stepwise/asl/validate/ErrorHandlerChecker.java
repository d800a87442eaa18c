package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.QueryLanguage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Retry (retriers) and Catch (catchers) of Task, Parallel and Map states. */
final class ErrorHandlerChecker {
  static final String ALL = "States.ALL";
  private static final Set<String> RETRIER_FIELDS = Set.of(
      "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment");
  private static final BigDecimal MIN_BACKOFF = new BigDecimal("1.0");

  private ErrorHandlerChecker() {}

  static void retriers(Site state) {
    if (!state.array("Retry", false)) {
      return;
    }
    Site retry = state.field("Retry");
    for (int i = 0; i < retry.node.size(); i++) {
      Site r = retry.item(i);
      if (!r.isObject()) {
        r.problem("a retrier must be an object");
        continue;
      }
      r.allowOnly(RETRIER_FIELDS);
      r.text("Comment");
      boolean matchesAll = errorEquals(r);
      r.integer("IntervalSeconds", 1, TaskChecker.MAX_SECONDS);
      r.integer("MaxAttempts", 0, TaskChecker.MAX_SECONDS);
      r.number("BackoffRate", MIN_BACKOFF, null);
      r.integer("MaxDelaySeconds", 1, 31_622_400);
      r.oneOf("JitterStrategy", "FULL", "NONE");
      if (matchesAll && i < retry.node.size() - 1) {
        r.problem("a retrier with \"States.ALL\" must be the last one");
      }
    }
  }

  static void catchers(Site state, QueryLanguage ql, List<Transition> transitions) {
    if (!state.array("Catch", false)) {
      return;
    }
    Site catches = state.field("Catch");
    for (int i = 0; i < catches.node.size(); i++) {
      Site c = catches.item(i);
      if (!c.isObject()) {
        c.problem("a catcher must be an object");
        continue;
      }
      StateFields.screen(c, CATCHER_FIELDS, ql);
      c.text("Comment");
      if (errorEquals(c) && i < catches.node.size() - 1) {
        c.problem("a catcher with \"States.ALL\" must be the last one");
      }
      if (c.require("Next")) {
        String next = c.nonEmptyText("Next");
        if (next != null) {
          transitions.add(new Transition(c.at("Next"), "Next", next));
        }
      }
      if (ql == QueryLanguage.JSONPATH) {
        PathChecks.resultPath(c, "ResultPath");
        PayloadTemplates.check(c, "Assign", true);
      } else {
        JsonataChecks.field(c, "Output");
        if (c.object("Assign")) {
          JsonataChecks.field(c, "Assign");
        }
      }
    }
  }

  /** Checks ErrorEquals; returns whether it names States.ALL. */
  private static boolean errorEquals(Site handler) {
    if (!handler.require("ErrorEquals") || !handler.array("ErrorEquals", true)) {
      return false;
    }
    Site errors = handler.field("ErrorEquals");
    boolean all = false;
    for (int i = 0; i < errors.node.size(); i++) {
      JsonNode e = errors.node.get(i);
      if (!e.isTextual() || e.textValue().isEmpty()) {
        errors.item(i).problem("must be a non-empty string");
      } else if (ALL.equals(e.textValue())) {
        all = true;
      }
    }
    if (all && errors.node.size() > 1) {
      errors.problem("\"States.ALL\" must be the only error name");
    }
    return all;
  }
}
