package io.stepwise.server.operations.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warnings AWS's validator gives, for what is legal but likely a slip, in JSONPath states:
 * NO_DOLLAR, a payload template field whose value looks like a path or an intrinsic function but
 * whose name does not end in ".$" (so it is passed on as a literal string); PASS_RESULT_IS_STATIC,
 * a Pass state's Result that holds a path (Result is never evaluated); NO_PATH, a field that has a
 * Path twin (a Fail's Error and Cause) holding what looks like a path (it is taken as the text).
 */
final class DefinitionWarnings {
  private static final String[] TEMPLATES = {"Parameters", "ResultSelector", "ItemSelector"};

  private DefinitionWarnings() {}

  static List<Diagnostic> check(String definition) {
    List<Diagnostic> out = new ArrayList<>();
    States.forEach(definition, (pointer, state, jsonata) -> {
      if (jsonata) {
        return;
      }
      for (String field : TEMPLATES) {
        noDollar(state.get(field), pointer + "/" + field, out);
      }
      if ("Fail".equals(state.path("Type").asText())) {
        for (String field : new String[] {"Error", "Cause"}) {
          JsonNode v = state.get(field);
          if (v != null && v.isTextual() && v.textValue().startsWith("$")) {
            out.add(warning("NO_PATH", "The value of field '" + field + "' looks like a path, but the field name does not end with"
                + " 'Path' (use " + field + "Path to read it from the input)", pointer + "/" + field));
          }
        }
      }
      JsonNode result = state.get("Result");
      if ("Pass".equals(state.path("Type").asText()) && result != null && holdsPath(result)) {
        out.add(warning("PASS_RESULT_IS_STATIC",
            "The Result of a Pass state is used as it is: a path in it is not evaluated (use Parameters)", pointer + "/Result"));
      }
    });
    return out;
  }

  private static void noDollar(JsonNode template, String pointer, List<Diagnostic> out) {
    if (template == null) {
      return;
    }
    if (template.isArray()) {
      for (int i = 0; i < template.size(); i++) {
        noDollar(template.get(i), pointer + "/" + i, out);
      }
      return;
    }
    if (!template.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : template.properties()) {
      String at = io.stepwise.asl.json.JsonPointers.child(pointer, e.getKey());
      JsonNode v = e.getValue();
      if (v.isTextual() && !e.getKey().endsWith(".$") && looksEvaluated(v.textValue())) {
        out.add(warning("NO_DOLLAR", "The value of field '" + e.getKey()
            + "' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$'", at));
      } else {
        noDollar(v, at, out);
      }
    }
  }

  private static boolean holdsPath(JsonNode v) {
    if (v.isTextual()) {
      return looksEvaluated(v.textValue());
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (e.getKey().endsWith(".$") || holdsPath(e.getValue())) {
        return true;
      }
    }
    for (JsonNode item : v) {
      if (v.isArray() && holdsPath(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksEvaluated(String s) {
    return s.equals("$") || s.startsWith("$.") || s.startsWith("$$.") || s.startsWith("$[")
        || (s.startsWith("States.") && s.contains("(") && s.endsWith(")"));
  }

  private static Diagnostic warning(String code, String message, String location) {
    return new Diagnostic(Diagnostic.Severity.WARNING, code, message, location);
  }
}
