package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The value-phase normalization ops: they change the value at once, so later ops (and the
 * text phase) see their result. Ported from the snapshot library, quirks included.
 */
final class ValueOps {
  private ValueOps() {}

  /** {@code jsonpath_value}: every value at the path becomes the replacement text. */
  static void jsonpathValue(ObjectNode obj, JsonPathLite path, String replacement) {
    path.update(obj, TextNode.valueOf(replacement));
  }

  /** {@code key_value_value}: the values under a key are replaced. */
  static void keyValueValue(ObjectNode obj, String key, String replacement) {
    KvWalk.walk(obj, KvWalk.key(key), (d, k, v, res) -> valueReplace(d, k, v, res, replacement));
  }

  /** {@code timestamp_keys}: values under timestamp-like keys that are not ISO-8601 text. */
  static void timestampKeys(ObjectNode obj, String replacement) {
    KvWalk.Match match =
        (k, v) -> {
          boolean key = Normalizer.TIMESTAMP_KEY.matcher(k).lookingAt() || k.equals("creationTime") || k.equals("ingestionTime");
          String str = PyJson.pyStr(v);
          return key && !Normalizer.ISO8601.matcher(str).lookingAt() ? TextNode.valueOf(str) : null;
        };
    KvWalk.walk(obj, match, (d, k, v, res) -> valueReplace(d, k, v, res, replacement));
  }

  /** {@code response_metadata}: keeps only empty HTTPHeaders and a truthy HTTPStatusCode. */
  static void responseMetadata(ObjectNode obj) {
    KvWalk.walk(
        obj,
        (k, v) -> k.equals("ResponseMetadata") && v.isObject() ? v : null,
        (d, k, v, res) -> {
          ObjectNode m = PyJson.nodes().objectNode();
          m.putObject("HTTPHeaders");
          JsonNode code = v.get("HTTPStatusCode");
          if (truthy(code)) {
            m.set("HTTPStatusCode", code);
          }
          d.set(k, m);
        });
  }

  private static void valueReplace(ObjectNode d, String k, JsonNode v, JsonNode res, String replacement) {
    if (v.isTextual()) {
      String r = res.isTextual() ? res.textValue() : PyJson.pyStr(res);
      d.put(k, pyReplace(v.textValue(), r, replacement));
    } else {
      d.put(k, replacement);
    }
  }

  /** Python's str.replace (an empty needle inserts the replacement between every character). */
  static String pyReplace(String s, String needle, String replacement) {
    if (needle.isEmpty()) {
      StringBuilder sb = new StringBuilder(replacement);
      for (int i = 0; i < s.length(); i++) {
        sb.append(s.charAt(i)).append(replacement);
      }
      return sb.toString();
    }
    return s.replace(needle, replacement);
  }

  /** Python's truth value of a JSON value. */
  private static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.doubleValue() != 0 || (v.isIntegralNumber() && v.bigIntegerValue().signum() != 0);
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return v.size() > 0;
  }
}
