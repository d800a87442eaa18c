package io.stepwise.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * JSONPath-mode payload templates (Parameters, ResultSelector, ItemSelector, Credentials, Assign,
 * ItemReader Parameters, BatchInput): every {@code "key.$"} value must be a path or an intrinsic
 * call, and no two keys may name the same field once the {@code .$} is dropped.
 */
final class PayloadTemplates {
  private static final String DYNAMIC = ".$";

  private PayloadTemplates() {}

  /** Checks a template field; {@code objectOnly} when it must be an object. */
  static void check(Site s, String field, boolean objectOnly) {
    JsonNode v = s.get(field);
    if (v == null) {
      return;
    }
    if (objectOnly && !v.isObject()) {
      s.problem(field, "must be an object");
      return;
    }
    value(s.report, v, s.at(field));
  }

  static void value(Report report, JsonNode v, String pointer) {
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        value(report, v.get(i), io.stepwise.asl.json.JsonPointers.child(pointer, i));
      }
    } else if (v.isObject()) {
      object(report, v, pointer);
    }
  }

  private static void object(Report report, JsonNode o, String pointer) {
    Map<String, String> keyByName = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = e.getKey();
      String at = io.stepwise.asl.json.JsonPointers.child(pointer, key);
      String name = key;
      if (key.endsWith(DYNAMIC)) {
        name = key.substring(0, key.length() - DYNAMIC.length());
        if (e.getValue().isTextual()) {
          PathChecks.valueExpressionText(report, at, e.getValue().textValue());
        } else {
          report.add(at, "must be a string holding a path or an intrinsic function call");
        }
      } else {
        value(report, e.getValue(), at);
      }
      String earlier = keyByName.putIfAbsent(name, key);
      if (earlier != null) {
        report.add(pointer, Site.quote(earlier) + " and " + Site.quote(key) + " both give the field " + Site.quote(name));
      }
    }
  }
}
