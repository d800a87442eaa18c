package io.stepwise.asl.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one validation run collects: the problems found so far, and what must be unique
 * across the whole definition (state names, Map labels), which no single scope can see.
 */
final class Report {
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> stateNames = new HashMap<>();
  private final Map<String, String> mapLabels = new HashMap<>();

  void add(String pointer, String message) {
    problems.add(new Problem(pointer, message));
  }

  void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Records a state name; returns where it was first defined when it is taken already, else null. */
  String claimStateName(String name, String pointer) {
    return stateNames.putIfAbsent(name, pointer);
  }

  /** Records a Map Label; returns where it was first used when it is taken already, else null. */
  String claimLabel(String label, String pointer) {
    return mapLabels.putIfAbsent(label, pointer);
  }
}
