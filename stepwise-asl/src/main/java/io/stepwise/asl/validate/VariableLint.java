package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warnings about workflow variables in a definition AWS accepts: a state that reads a variable no
 * state it can see assigns (at run time it is undefined, which fails most expressions with
 * States.QueryEvaluationError, or States.Runtime for a JSONPath reference), and a Parallel branch or Map iteration that assigns a name its
 * enclosing scope assigns too (AWS's documentation asks for names unique across scopes; its
 * service still accepts such definitions, as the conformance corpus shows, so this is not an
 * error).
 *
 * <p>"Can see" follows the scoping rules: a branch or inline Map iteration sees its own
 * assignments and those of every enclosing scope; a Distributed Map's children see only their own.
 * Whether an assignment runs before the read is not analysed: a name assigned anywhere visible
 * counts.
 */
final class VariableLint {
  private final List<Problem> warnings = new ArrayList<>();

  private VariableLint() {}

  static List<Problem> check(JsonNode machine) {
    VariableLint lint = new VariableLint();
    if (machine != null && machine.isObject()) {
      String ql = text(machine.get("QueryLanguage"), "JSONPath");
      lint.scope(machine, "", ql, Map.of());
    }
    return lint.warnings;
  }

  /**
   * @param outer the names enclosing scopes assign, each with where it is first assigned
   */
  private void scope(JsonNode scope, String pointer, String ql, Map<String, String> outer) {
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    String statesAt = io.stepwise.asl.json.JsonPointers.child(pointer, "States");
    Map<String, String> own = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      assignments(e.getValue(), io.stepwise.asl.json.JsonPointers.child(statesAt, e.getKey()), own);
    }
    for (Map.Entry<String, String> e : own.entrySet()) {
      String trouble = nameTrouble(e.getKey());
      if (trouble != null) {
        warnings.add(new Problem(e.getValue(), "the variable name '" + e.getKey() + "' " + trouble));
      }
    }
    for (Map.Entry<String, String> e : own.entrySet()) {
      String first = outer.get(e.getKey());
      if (first != null) {
        warnings.add(new Problem(e.getValue(), "assigns $" + e.getKey() + ", which an enclosing scope also assigns (at "
            + first + "); AWS documents variable names as unique across scopes, and this branch or iteration"
            + " keeps its own value while the outer one stays unchanged"));
      }
    }
    Map<String, String> visible = new LinkedHashMap<>(own);
    outer.forEach(visible::putIfAbsent);
    for (Map.Entry<String, JsonNode> e : states.properties()) {
      JsonNode state = e.getValue();
      if (!state.isObject()) {
        continue;
      }
      String at = io.stepwise.asl.json.JsonPointers.child(statesAt, e.getKey());
      String stateQl = text(state.get("QueryLanguage"), ql);
      reads(state, at, stateQl, visible.keySet());
      JsonNode branches = state.get("Branches");
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          scope(branches.get(i), io.stepwise.asl.json.JsonPointers.child(io.stepwise.asl.json.JsonPointers.child(at, "Branches"), i), ql, visible);
        }
      }
      for (String field : new String[] {"ItemProcessor", "Iterator"}) {
        JsonNode processor = state.get(field);
        if (processor != null && processor.isObject()) {
          boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
          scope(processor, io.stepwise.asl.json.JsonPointers.child(at, field), ql, distributed ? Map.of() : visible);
        }
      }
    }
  }

  /** The names a state assigns: its Assign, its Choice rules' and its Catchers'. */
  private static void assignments(JsonNode state, String at, Map<String, String> into) {
    if (!state.isObject()) {
      return;
    }
    names(state.get("Assign"), io.stepwise.asl.json.JsonPointers.child(at, "Assign"), into);
    for (String list : new String[] {"Choices", "Catch"}) {
      JsonNode items = state.get(list);
      if (items != null && items.isArray()) {
        for (int i = 0; i < items.size(); i++) {
          names(items.get(i).get("Assign"), io.stepwise.asl.json.JsonPointers.child(io.stepwise.asl.json.JsonPointers.child(io.stepwise.asl.json.JsonPointers.child(at, list), i), "Assign"), into);
        }
      }
    }
  }

  private static void names(JsonNode assign, String at, Map<String, String> into) {
    if (assign == null || !assign.isObject()) {
      return;
    }
    for (String key : (Iterable<String>) assign::fieldNames) {
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      into.putIfAbsent(name, io.stepwise.asl.json.JsonPointers.child(at, key));
    }
  }

  /** Warns for each variable the state's own fields read that no visible scope assigns. */
  private void reads(JsonNode state, String at, String ql, Set<String> visible) {
    for (Map.Entry<String, String> read : VariableReferences.reads(state, at, ql).entrySet()) {
      if (!visible.contains(read.getKey())) {
        warnings.add(new Problem(read.getValue(), "reads $" + read.getKey() + ", which no state this one can see assigns (AWS accepts"
            + " the definition; when this runs the variable is undefined)"));
      }
    }
  }

  /**
   * What is wrong with a variable name, or null: AWS documents names as Unicode identifiers
   * (UAX #31: an ID_Start character, then ID_Continue characters) of at most 80 characters, and
   * reserves {@code states}.
   */
  static String nameTrouble(String name) {
    if (name.equals("states")) {
      return "is reserved: $states is what JSONata expressions read the state's input, result and context from";
    }
    if (name.codePointCount(0, name.length()) > 80) {
      return "is longer than the 80 characters AWS allows";
    }
    boolean first = true;
    for (int cp : name.codePoints().toArray()) {
      boolean ok = first ? Character.isUnicodeIdentifierStart(cp) || cp == '_' : Character.isUnicodeIdentifierPart(cp)
          && !Character.isIdentifierIgnorable(cp);
      if (!ok) {
        return "is not an identifier (a letter or _, then letters, digits or _), as AWS documents variable names;"
            + " a reference such as $" + name + " would not read it";
      }
      first = false;
    }
    return null;
  }

  private static String text(JsonNode v, String otherwise) {
    return v != null && v.isTextual() ? v.textValue() : otherwise;
  }
}
