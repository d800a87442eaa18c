package io.stepwise.asl.validate;

import io.stepwise.asl.model.QueryLanguage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A set of states with its own StartAt: the state machine, a Parallel branch, or a Map's
 * ItemProcessor (or legacy Iterator). Transitions stay inside their scope; every state must be
 * reachable from StartAt, and some state must end the scope.
 */
final class ScopeChecker {
  enum Kind {
    MACHINE(Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage")),
    // AWS refuses QueryLanguage here: nested states take the machine's language, not their parent's.
    BRANCH(Set.of("StartAt", "States", "Comment")),
    PROCESSOR(Set.of("StartAt", "States", "Comment", "ProcessorConfig"));

    final Set<String> fields;

    Kind(Set<String> fields) {
      this.fields = fields;
    }
  }

  static final int MAX_STATE_NAME_LENGTH = 80;

  private ScopeChecker() {}

  /** The whole definition. */
  static void machine(Site root) {
    if (!root.isObject()) {
      root.problem("a state machine definition must be a JSON object");
      return;
    }
    QueryLanguage ql = StateChecker.language(root, QueryLanguage.JSONPATH);
    root.oneOf("Version", "1.0");
    root.integer("TimeoutSeconds", 1, 99999999);
    check(root, Kind.MACHINE, ql, ql == QueryLanguage.JSONATA);
  }

  /**
   * Checks a scope whose states default to {@code ql}, the machine's language; {@code
   * jsonataMachine} when a state may not switch back to JSONPath.
   */
  static void check(Site scope, Kind kind, QueryLanguage ql, boolean jsonataMachine) {
    scope.allowOnly(kind.fields);
    scope.text("Comment");
    String startAt = scope.require("StartAt") ? scope.nonEmptyText("StartAt") : null;
    if (!scope.require("States") || !scope.object("States")) {
      return;
    }
    Site states = scope.field("States");
    Map<String, StateChecker.Info> infos = new LinkedHashMap<>();
    for (String name : (Iterable<String>) states.node::fieldNames) {
      Site state = states.field(name);
      checkName(name, state);
      infos.put(name, StateChecker.check(state, ql, jsonataMachine));
    }
    boolean allRead = true;
    boolean anyTerminal = false;
    for (StateChecker.Info info : infos.values()) {
      allRead &= info.read();
      anyTerminal |= info.terminal();
      for (Transition t : info.transitions()) {
        if (!infos.containsKey(t.target())) {
          scope.report.add(t.pointer(), Site.quote(t.field()) + " names no state: " + Site.quote(t.target()));
        }
      }
    }
    boolean terminalMissing = allRead && !infos.isEmpty() && !anyTerminal;
    if (startAt != null && !infos.containsKey(startAt)) {
      scope.problem("StartAt", "\"StartAt\" names no state: " + Site.quote(startAt));
    } else if (startAt != null && allRead && !terminalMissing) { // as AWS, which then skips this walk
      reportUnreachable(startAt, infos, states);
    }
    if (terminalMissing) {
      states.problem("no terminal state: no state has \"End\": true or is a Succeed or Fail state");
    }
  }

  private static void checkName(String name, Site state) {
    if (name.codePointCount(0, name.length()) > MAX_STATE_NAME_LENGTH) {
      state.problem("state name is longer than " + MAX_STATE_NAME_LENGTH + " characters");
    }
    String earlier = state.report.claimStateName(name, state.pointer);
    if (earlier != null) {
      state.problem("state name " + Site.quote(name) + " is already used at " + earlier
          + "; names must be unique in the whole state machine");
    }
  }

  private static void reportUnreachable(String startAt, Map<String, StateChecker.Info> infos, Site states) {
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(startAt);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      StateChecker.Info info = infos.get(name);
      if (info == null || !reached.add(name)) {
        continue;
      }
      for (Transition t : info.transitions()) {
        todo.add(t.target());
      }
    }
    for (String name : infos.keySet()) {
      if (!reached.contains(name)) {
        states.field(name).problem("state is unreachable from StartAt");
      }
    }
  }
}
