package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One place in the definition: a node, its JSON Pointer, and the report problems go to. The typed
 * readers report a problem and return null when a field has the wrong type or range, so callers
 * can go on checking everything else.
 */
final class Site {
  final JsonNode node;
  final String pointer;
  final Report report;

  Site(JsonNode node, String pointer, Report report) {
    this.node = node;
    this.pointer = pointer;
    this.report = report;
  }

  Site field(String name) {
    return new Site(get(name), at(name), report);
  }

  Site item(int index) {
    return new Site(node.get(index), io.stepwise.asl.json.JsonPointers.child(pointer, index), report);
  }

  boolean isObject() {
    return node != null && node.isObject();
  }

  boolean has(String field) {
    return node != null && node.has(field);
  }

  JsonNode get(String field) {
    return node == null ? null : node.get(field);
  }

  String at(String field) {
    return io.stepwise.asl.json.JsonPointers.child(pointer, field);
  }

  void problem(String message) {
    report.add(pointer, message);
  }

  void problem(String field, String message) {
    report.add(at(field), message);
  }

  /** Reports a missing field; true when present. */
  boolean require(String field) {
    if (has(field)) {
      return true;
    }
    problem(quote(field) + " is required");
    return false;
  }

  String text(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(field, "must be a string");
      return null;
    }
    return v.textValue();
  }

  String nonEmptyText(String field) {
    String s = text(field);
    if (s != null && s.isEmpty()) {
      problem(field, "must not be empty");
      return null;
    }
    return s;
  }

  Boolean bool(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      problem(field, "must be a boolean");
      return null;
    }
    return v.booleanValue();
  }

  /** An integer in [min, max]; JSON numbers with a zero fraction (1.0) count as integers. */
  BigDecimal integer(String field, long min, long max) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    BigDecimal d = integral(v);
    if (d == null) {
      problem(field, "must be an integer");
      return null;
    }
    return inRange(field, d, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
  }

  /** A number in [min, max]; null bounds are open. */
  BigDecimal number(String field, BigDecimal min, BigDecimal max) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      problem(field, "must be a number");
      return null;
    }
    return inRange(field, v.decimalValue(), min, max);
  }

  private BigDecimal inRange(String field, BigDecimal d, BigDecimal min, BigDecimal max) {
    if (min != null && d.compareTo(min) < 0) {
      problem(field, "must be at least " + min.toPlainString());
      return null;
    }
    if (max != null && d.compareTo(max) > 0) {
      problem(field, "must be at most " + max.toPlainString());
      return null;
    }
    return d;
  }

  static BigDecimal integral(JsonNode v) {
    if (v == null || !v.isNumber()) {
      return null;
    }
    BigDecimal d = v.decimalValue();
    return d.stripTrailingZeros().scale() <= 0 ? d : null;
  }

  String oneOf(String field, String... allowed) {
    String s = text(field);
    if (s == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    problem(field, "must be one of " + quoteAll(List.of(allowed)));
    return null;
  }

  /** Reports a field that is not an object; true when it is one. */
  boolean object(String field) {
    JsonNode v = get(field);
    if (v != null && !v.isObject()) {
      problem(field, "must be an object");
      return false;
    }
    return v != null;
  }

  /** Reports a field that is not an array (or is empty when {@code nonEmpty}); true when fine. */
  boolean array(String field, boolean nonEmpty) {
    JsonNode v = get(field);
    if (v == null) {
      return false;
    }
    if (!v.isArray() || (nonEmpty && v.isEmpty())) {
      problem(field, nonEmpty ? "must be a non-empty array" : "must be an array");
      return false;
    }
    return true;
  }

  /** Reports when more than one of the fields is present. */
  void atMostOne(String... fields) {
    List<String> present = new ArrayList<>();
    for (String f : fields) {
      if (has(f)) {
        present.add(f);
      }
    }
    if (present.size() > 1) {
      problem(present.size() == 2
          ? quote(present.get(0)) + " and " + quote(present.get(1)) + " cannot both be set"
          : "only one of " + quoteAll(present) + " may be set");
    }
  }

  /** Reports every field not in {@code allowed}. */
  void allowOnly(Set<String> allowed) {
    node.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f)) {
        problem("unknown field " + quote(f));
      }
    });
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  static String quoteAll(List<String> items) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
    }
    return sb.toString();
  }
}
