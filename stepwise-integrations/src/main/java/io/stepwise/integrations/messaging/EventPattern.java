package io.stepwise.integrations.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an event matches a pattern, as EventBridge matches its rules' event patterns (and SNS its
 * subscriptions' filter policies): every field the
 * pattern names must match (nested objects field by field), a field matching when any value of
 * its list matches the event's value (or any element of an array value). A value is a literal
 * (string, number, boolean, null) or one of {@code prefix}, {@code suffix}, {@code anything-but}
 * (a value, a list, or a prefix), {@code exists}, {@code numeric} (comparisons, and'ed),
 * {@code equals-ignore-case}, {@code wildcard}, and {@code $or} lists of patterns.
 */
public final class EventPattern {
  private EventPattern() {}

  public static boolean matches(JsonNode pattern, JsonNode event) {
    if (pattern == null || pattern.isNull() || pattern.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, JsonNode> e : pattern.properties()) {
      if (e.getKey().equals("$or")) {
        boolean any = false;
        for (JsonNode alt : e.getValue()) {
          any |= matches(alt, event);
        }
        if (!any) {
          return false;
        }
        continue;
      }
      JsonNode value = event == null ? null : event.get(e.getKey());
      JsonNode rule = e.getValue();
      if (rule.isObject()) {
        if (value == null || !value.isObject() || !matches(rule, value)) {
          return false;
        }
      } else if (!field(rule, value)) {
        return false;
      }
    }
    return true;
  }

  /** A list of matchers against one field's value (absent: null). */
  private static boolean field(JsonNode matchers, JsonNode value) {
    List<JsonNode> values = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(values::add);
    } else {
      values.add(value);
    }
    for (JsonNode m : matchers.isArray() ? matchers : List.of(matchers)) {
      if (m.isObject() && m.has("exists")) {
        if (m.get("exists").asBoolean() == (value != null)) {
          return true;
        }
        continue;
      }
      for (JsonNode v : values) {
        if (one(m, v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean one(JsonNode m, JsonNode v) {
    if (!m.isObject()) {
      if (v == null) {
        return false;
      }
      if (m.isNumber() && v.isNumber()) {
        return m.decimalValue().compareTo(v.decimalValue()) == 0;
      }
      return m.equals(v);
    }
    if (v == null) {
      return m.has("anything-but");
    }
    Map.Entry<String, JsonNode> op = m.properties().iterator().next();
    JsonNode arg = op.getValue();
    String text = v.isTextual() ? v.textValue() : null;
    return switch (op.getKey()) {
      case "prefix" -> text != null && (arg.isObject() && arg.has("equals-ignore-case")
          ? text.toLowerCase(Locale.ROOT).startsWith(arg.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT))
          : text.startsWith(arg.asText()));
      case "suffix" -> text != null && (arg.isObject() && arg.has("equals-ignore-case")
          ? text.toLowerCase(Locale.ROOT).endsWith(arg.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT))
          : text.endsWith(arg.asText()));
      case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(arg.asText());
      case "wildcard" -> text != null && text.matches(wildcard(arg.asText()));
      case "anything-but" -> !anythingBut(arg, v);
      case "numeric" -> v.isNumber() && numeric(arg, v.decimalValue());
      default -> false;
    };
  }

  /** Whether the value is one of those anything-but excludes. */
  private static boolean anythingBut(JsonNode arg, JsonNode v) {
    if (arg.isObject()) {
      return one(arg, v);
    }
    for (JsonNode x : arg.isArray() ? arg : List.of(arg)) {
      if (one(x, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean numeric(JsonNode ops, BigDecimal v) {
    for (int i = 0; i + 1 < ops.size(); i += 2) {
      int c = v.compareTo(ops.get(i + 1).decimalValue());
      boolean ok = switch (ops.get(i).asText()) {
        case "=" -> c == 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String wildcard(String w) {
    StringBuilder re = new StringBuilder();
    for (String part : w.split("\\*", -1)) {
      re.append(re.isEmpty() && part.isEmpty() ? "" : "").append(java.util.regex.Pattern.quote(part)).append(".*");
    }
    return re.substring(0, re.length() - 2);
  }
}
