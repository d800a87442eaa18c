package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serialized-phase normalization ops for one {@link Normalizer#normalize} run. The
 * snapshot library applies them to the {@code json.dumps} text, not the value, so each op only
 * queues its replacement here (deciding what to replace from the value as it is when the op
 * runs); {@link #applyTo} runs the queue in order.
 */
final class TextReplacements {
  private static final Pattern CAUSE_JSON = PyRegex.compile(".*'(\\{.*\\})'");

  private final List<UnaryOperator<String>> queue = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  /** Runs the queued replacements over the serialised value. */
  String applyTo(String s) {
    for (UnaryOperator<String> fn : queue) {
      s = fn.apply(s);
    }
    return s;
  }

  /** {@code regex}: a Python regex substitution. */
  void regex(String pattern, String replacement) {
    Pattern p = PyRegex.compile(pattern);
    queue.add(s -> PyRegex.sub(p, replacement, s));
  }

  /** {@code iso8601_date}: every ISO-8601 date-time. */
  void iso8601(String replacement) {
    queue.add(s -> PyRegex.sub(Normalizer.ISO8601, replacement, s));
  }

  /** {@code jsonpath_reference}: the values at the path, as numbered references. */
  void jsonpathReference(ObjectNode obj, JsonPathLite path, String replacement) {
    for (JsonNode m : path.find(obj)) {
      reference(m, replacement);
    }
  }

  /** {@code key_value_reference}: the values under a key, as numbered references. */
  void keyValueReference(ObjectNode obj, String key, String replacement) {
    KvWalk.walk(obj, KvWalk.key(key), (d, k, v, res) -> reference(res, replacement));
  }

  /** {@code uuid_reference}: UUID values under keys ending in "id". */
  void uuidReference(ObjectNode obj, String replacement) {
    KvWalk.Match match =
        (k, v) -> v.isTextual() && k.toLowerCase(Locale.ROOT).endsWith("id") && Normalizer.UUID.matcher(v.textValue()).lookingAt() ? v : null;
    KvWalk.walk(obj, match, (d, k, v, res) -> reference(res, replacement));
  }

  /** {@code cause_json_input_reference}: the quoted JSON input inside a cause. */
  void causeJsonInputReference(ObjectNode obj, String replacement) {
    KvWalk.walk(obj, TextReplacements::causeJson, (d, k, v, res) -> reference(res, replacement));
  }

  /** {@code sfn_map_run_arns}: the parts of each Map Run ARN, numbered in sorted order. */
  void sfnMapRunArns(ObjectNode obj) {
    List<String> found = new ArrayList<>();
    KvWalk.walk(obj, (k, v) -> k.equals("mapRunArn") && v.isTextual() ? v : null, (d, k, v, res) -> found.add(res.textValue()));
    TreeSet<String> sorted = new TreeSet<>(PyJson::compareCodePoints);
    sorted.addAll(found);
    int i = 0;
    for (String arn : sorted) {
      String last = arn.substring(arn.lastIndexOf('/') + 1);
      String[] parts = last.split(":", -1);
      int idx = i;
      if (parts.length > 1) {
        Pattern p = PyRegex.compile(parts[1]);
        queue.add(s -> PyRegex.sub(p, "<MapRunArnPart1_" + idx + "idx>", s));
      }
      if (Normalizer.UUID.matcher(parts[0]).lookingAt()) {
        Pattern p = PyRegex.compile(parts[0]);
        queue.add(s -> PyRegex.sub(p, "<MapRunArnPart0_" + idx + "idx>", s));
      }
      i++;
    }
  }

  /** Queues replacing every occurrence of a text value by {@code <replacement:N>}, once per value. */
  private void reference(JsonNode value, String replacement) {
    if (value == null || !value.isTextual()) {
      return;
    }
    String v = value.textValue();
    if (v.indexOf('"') >= 0) {
      v = v.replace("\"", "\\\"");
    }
    if (!seen.add(v)) {
      return;
    }
    int n = counters.getOrDefault(replacement, 1);
    counters.put(replacement, n + 1);
    String token = "<" + replacement + ":" + n + ">";
    String target = v;
    queue.add(s -> s.replace(target, token));
  }

  private static JsonNode causeJson(String k, JsonNode v) {
    if (k.equals("cause") && v.isTextual()) {
      Matcher m = CAUSE_JSON.matcher(v.textValue());
      if (m.lookingAt()) {
        return PyJson.tryLoads(m.group(1)) != null ? TextNode.valueOf(m.group(1)) : null;
      }
    }
    return null;
  }
}
