package io.stepwise.asl.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Choice rule written short for an edge's label: {@code $.total > 100}, {@code not $.vip}, a JSONata Condition as written. */
final class ChoiceLabels {
  /** The longest label drawn; a longer rule is cut with an ellipsis (the definition has it whole). */
  static final int MAX = 60;

  private ChoiceLabels() {}

  static String of(JsonNode rule) {
    String text = rule(rule);
    return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
  }

  private static String rule(JsonNode r) {
    if (r.has("Condition")) {
      String c = r.path("Condition").asText();
      return c.startsWith("{%") && c.endsWith("%}") ? c.substring(2, c.length() - 2).trim() : c;
    }
    if (r.has("And")) {
      return join(r.path("And"), " and ");
    }
    if (r.has("Or")) {
      return join(r.path("Or"), " or ");
    }
    if (r.has("Not")) {
      return "not (" + rule(r.path("Not")) + ")";
    }
    String variable = r.path("Variable").asText("?");
    for (Map.Entry<String, JsonNode> e : r.properties()) {
      String op = e.getKey();
      if (op.equals("Variable") || op.equals("Next") || op.equals("Assign") || op.equals("Output") || op.equals("Comment")) {
        continue;
      }
      return variable + " " + operator(op) + " " + value(op, e.getValue());
    }
    return variable;
  }

  private static String join(JsonNode rules, String with) {
    List<String> parts = new ArrayList<>();
    rules.forEach(x -> parts.add(x.has("And") || x.has("Or") ? "(" + rule(x) + ")" : rule(x)));
    return String.join(with, parts);
  }

  private static String operator(String op) {
    String base = op.endsWith("Path") ? op.substring(0, op.length() - 4) : op;
    return switch (base.replaceFirst("^(String|Numeric|Timestamp|Boolean)", "")) {
      case "Equals" -> "==";
      case "LessThan" -> "<";
      case "GreaterThan" -> ">";
      case "LessThanEquals" -> "<=";
      case "GreaterThanEquals" -> ">=";
      case "Matches" -> "matches";
      case "IsNull" -> "is null:";
      case "IsPresent" -> "is present:";
      case "IsNumeric" -> "is numeric:";
      case "IsString" -> "is string:";
      case "IsBoolean" -> "is boolean:";
      case "IsTimestamp" -> "is timestamp:";
      default -> op;
    };
  }

  private static String value(String op, JsonNode v) {
    if (op.endsWith("Path")) {
      return v.asText();
    }
    return v.isTextual() ? "\"" + v.textValue() + "\"" : Json.write(v);
  }
}
