package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.query.JsonataTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow variables each state reads, as DescribeStateMachine's {@code variableReferences}
 * lists them: state name to the names it reads, in the order its fields first read them; a state
 * that reads none is left out. A state's own fields count (its Assign, Choice rules, Catchers,
 * arguments and paths), not those of the states nested in it, which are listed under their own
 * names. Names assigned inside a JSONata expression ({@code :=}, function parameters) and
 * {@code $states} are not variables.
 */
public final class VariableReferences {
  private VariableReferences() {}

  /** Of a whole state machine, its nested branches and item processors included. */
  public static Map<String, List<String>> of(JsonNode machine) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (machine != null && machine.isObject()) {
      scope(machine, text(machine.get("QueryLanguage"), "JSONPath"), out);
    }
    return out;
  }

  private static void scope(JsonNode scope, String ql, Map<String, List<String>> out) {
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      JsonNode state = e.getValue();
      if (!state.isObject()) {
        continue;
      }
      Map<String, String> read = reads(state, "", text(state.get("QueryLanguage"), ql));
      if (!read.isEmpty()) {
        out.putIfAbsent(e.getKey(), List.copyOf(read.keySet()));
      }
      JsonNode branches = state.get("Branches");
      if (branches != null && branches.isArray()) {
        for (JsonNode branch : branches) {
          scope(branch, ql, out);
        }
      }
      for (String field : new String[] {"ItemProcessor", "Iterator"}) {
        JsonNode processor = state.get(field);
        if (processor != null && processor.isObject()) {
          scope(processor, ql, out);
        }
      }
    }
  }

  /**
   * The variables a state's own fields read, each with the JSON Pointer (under {@code at}) of its
   * first read, in that order.
   */
  static Map<String, String> reads(JsonNode state, String at, String ql) {
    Map<String, String> read = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : state.properties()) {
      String name = field.getKey();
      if (name.equals("Branches") || name.equals("ItemProcessor") || name.equals("Iterator")) {
        continue; // their states read in their own right
      }
      walk(field.getValue(), io.stepwise.asl.json.JsonPointers.child(at, name), name, ql, read);
    }
    return read;
  }

  private static void walk(JsonNode v, String at, String key, String ql, Map<String, String> read) {
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        walk(e.getValue(), io.stepwise.asl.json.JsonPointers.child(at, e.getKey()), e.getKey(), ql, read);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        walk(v.get(i), io.stepwise.asl.json.JsonPointers.child(at, i), key, ql, read);
      }
    } else if (v.isTextual()) {
      String s = v.textValue();
      List<String> names;
      if ("JSONata".equals(ql)) {
        names = JsonataTemplate.isExpression(v) ? VariableReads.jsonata(s.substring(2, s.length() - 2)) : List.of();
      } else {
        names = takesPath(key) ? VariableReads.jsonPath(s) : List.of();
      }
      for (String name : names) {
        read.putIfAbsent(name, at);
      }
    }
  }

  /** JSONPath-mode fields whose string value is a path or intrinsic call, where a variable can be read. */
  private static boolean takesPath(String key) {
    return key.endsWith(".$") || key.endsWith("Path") && !key.equals("ResultPath") || key.equals("Variable");
  }

  static String text(JsonNode v, String otherwise) {
    return v != null && v.isTextual() ? v.textValue() : otherwise;
  }
}
