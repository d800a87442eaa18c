package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS's text for an InputPath or OutputPath that selects nothing, which names the first missing
 * step: "Invalid path '$.a.b' : Missing property in path $['a']" when an intermediate step is
 * missing, "... : No results for path: $['a']['b']" when only the last one is.
 */
public final class MissingPath {
  private MissingPath() {}

  public static String describe(String path, JsonNode value) {
    List<String> steps = dottedSteps(path);
    if (steps == null) {
      return "Invalid path '" + path + "' : No results for path: " + path;
    }
    StringBuilder walked = new StringBuilder("$");
    JsonNode cur = value;
    for (int i = 0; i < steps.size(); i++) {
      String step = steps.get(i);
      walked.append("['").append(step).append("']");
      JsonNode next = cur != null && cur.isObject() ? cur.get(step) : null;
      if (next == null) {
        if (i < steps.size() - 1) {
          return "Invalid path '" + path + "' : Missing property in path " + walked;
        }
        return "Invalid path '" + path + "' : No results for path: " + walked;
      }
      cur = next;
    }
    return "Invalid path '" + path + "' : No results for path: " + walked;
  }

  /** The field names of a plain {@code $.a.b} path, or null for any other form. */
  private static List<String> dottedSteps(String path) {
    if (!path.startsWith("$.") ) {
      return null;
    }
    List<String> steps = new ArrayList<>();
    for (String s : path.substring(2).split("\\.", -1)) {
      if (s.isEmpty() || s.contains("[") || s.contains("*") || s.contains("(")) {
        return null;
      }
      steps.add(s);
    }
    return steps;
  }
}
