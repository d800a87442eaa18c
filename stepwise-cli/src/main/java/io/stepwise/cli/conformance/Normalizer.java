package io.stepwise.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an engine result comparable with a recorded AWS value by running the corpus's
 * {@code normalization} ops, exactly as the corpus's reference implementation does
 * (which mirrors the snapshot library that recorded the corpus):
 *
 * <ol>
 *   <li>string values (in objects, or objects directly inside arrays) that start with '{' and
 *       parse as JSON are replaced by the parsed value (not recursively into what was parsed);
 *   <li>ops run in order: value-phase ops change the value immediately ({@code jsonpath_value},
 *       {@code key_value_value}, {@code timestamp_keys}, {@code response_metadata},
 *       {@code parallel_events_sorted}); serialized-phase ops ({@code regex},
 *       {@code iso8601_date}, {@code jsonpath_reference}, {@code key_value_reference},
 *       {@code uuid_reference}, {@code cause_json_input_reference}, {@code sfn_map_run_arns})
 *       are queued;
 *   <li>the value is serialised like Python's {@code json.dumps} and the queued replacements
 *       run over that text in order; a reference op replaces every occurrence of a value with
 *       {@code <replacement:N>}; the text is parsed back.
 * </ol>
 *
 * <p>{@link #matches} compares with placeholder tokens ({@code <uuid:1>}, {@code <ArnPart_0idx>})
 * in the expected value matching any text. Ops of kind {@code other} are ignored.
 */
public final class Normalizer {
  /** ISO-8601 date-times, as the snapshot library recognises them. */
  static final Pattern ISO8601 =
      PyRegex.compile(
          "(?:[1-9]\\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|"
              + "(?:0[13578]|1[02])-31)|(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)"
              + "-02-29)T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-][01]\\d:?([0-5]\\d)?)");

  static final Pattern UUID =
      PyRegex.compile("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");

  static final Pattern TIMESTAMP_KEY =
      PyRegex.compile("^.*timestamp.*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern CAUSE_JSON = PyRegex.compile(".*'(\\{.*\\})'");

  /** Placeholder tokens in expected values. */
  static final Pattern TOKEN = Pattern.compile("(<[A-Za-z0-9_\\-]+(?::\\d+)?>)");

  private static final JsonPathLite EVENTS = JsonPathLite.parse("$..events");

  private static final Map<String, JsonPathLite> PATHS = new ConcurrentHashMap<>();

  private Normalizer() {}

  /**
   * Normalises a container (an object such as {@code {"output": "<json text>"}} or a whole
   * history response) with the ops; returns a new value, the container is left as it was.
   */
  public static JsonNode normalize(JsonNode container, List<JsonNode> ops) {
    if (!(container instanceof ObjectNode)) {
      throw new IllegalArgumentException("normalize() takes a JSON object");
    }
    ObjectNode obj = (ObjectNode) container.deepCopy();
    parseJsonStrings(obj);
    Ctx ctx = new Ctx();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText("");
      switch (kind) {
        case "regex" -> {
          String pat = op.path("pattern").asText();
          String rep = op.path("replacement").asText();
          Pattern p = PyRegex.compile(pat);
          ctx.queue.add(s -> PyRegex.sub(p, rep, s));
        }
        case "iso8601_date" -> {
          String rep = op.path("replacement").asText();
          ctx.queue.add(s -> PyRegex.sub(ISO8601, rep, s));
        }
        case "jsonpath_value", "jsonpath_reference" -> {
          JsonPathLite path = PATHS.computeIfAbsent(op.path("path").asText(), JsonPathLite::parse);
          String rep = op.path("replacement").asText();
          if (kind.equals("jsonpath_value")) {
            path.update(obj, TextNode.valueOf(rep));
          } else {
            for (JsonNode m : path.find(obj)) {
              ctx.reference(m, rep);
            }
          }
        }
        case "key_value_value", "key_value_reference" -> {
          JsonNode keyNode = op.get("key");
          if (keyNode == null || keyNode.isNull()) {
            continue;
          }
          String key = keyNode.asText();
          String rep = op.path("replacement").asText();
          Match match = (k, v) -> k.equals(key) && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty()) ? v : null;
          if (kind.equals("key_value_value")) {
            kvWalk(obj, match, (d, k, v, res) -> valueReplace(d, k, v, res, rep));
          } else {
            kvWalk(obj, match, (d, k, v, res) -> ctx.reference(res, rep));
          }
        }
        case "uuid_reference" -> {
          String rep = op.path("replacement").asText();
          Match match = (k, v) -> v.isTextual() && lower(k).endsWith("id") && UUID.matcher(v.textValue()).lookingAt() ? v : null;
          kvWalk(obj, match, (d, k, v, res) -> ctx.reference(res, rep));
        }
        case "cause_json_input_reference" -> {
          String rep = op.path("replacement").asText();
          kvWalk(obj, Normalizer::causeJson, (d, k, v, res) -> ctx.reference(res, rep));
        }
        case "timestamp_keys" -> {
          String rep = op.path("replacement").asText();
          Match match =
              (k, v) -> {
                boolean key = TIMESTAMP_KEY.matcher(k).lookingAt() || k.equals("creationTime") || k.equals("ingestionTime");
                String str = PyJson.pyStr(v);
                return key && !ISO8601.matcher(str).lookingAt() ? TextNode.valueOf(str) : null;
              };
          kvWalk(obj, match, (d, k, v, res) -> valueReplace(d, k, v, res, rep));
        }
        case "response_metadata" ->
            kvWalk(
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
        case "parallel_events_sorted" -> {
          for (JsonNode m : EVENTS.find(obj)) {
            if (m instanceof ArrayNode a) {
              sortParallelEvents(a);
            }
          }
        }
        case "sfn_map_run_arns" -> {
          List<String> found = new ArrayList<>();
          kvWalk(obj, (k, v) -> k.equals("mapRunArn") && v.isTextual() ? v : null, (d, k, v, res) -> found.add(res.textValue()));
          TreeSet<String> sorted = new TreeSet<>(PyJson::compareCodePoints);
          sorted.addAll(found);
          int i = 0;
          for (String arn : sorted) {
            String last = arn.substring(arn.lastIndexOf('/') + 1);
            String[] parts = last.split(":", -1);
            int idx = i;
            if (parts.length > 1) {
              Pattern p = PyRegex.compile(parts[1]);
              ctx.queue.add(s -> PyRegex.sub(p, "<MapRunArnPart1_" + idx + "idx>", s));
            }
            if (UUID.matcher(parts[0]).lookingAt()) {
              Pattern p = PyRegex.compile(parts[0]);
              ctx.queue.add(s -> PyRegex.sub(p, "<MapRunArnPart0_" + idx + "idx>", s));
            }
            i++;
          }
        }
        default -> {
          // "other": snapshot-library utility transformers that the corpus does not reproduce
        }
      }
    }
    String s = PyJson.dumps(obj);
    for (UnaryOperator<String> fn : ctx.queue) {
      s = fn.apply(s);
    }
    JsonNode back = PyJson.tryLoads(s);
    if (back == null) {
      throw new IllegalStateException("normalised text is no longer JSON: " + abbreviate(s, 200));
    }
    return back;
  }

  /**
   * Equality where placeholder tokens such as {@code <uuid:1>} in {@code expected} match any
   * text: the two values are equal, or their sorted-key serialisations match with each token
   * standing for any run of characters.
   */
  public static boolean matches(JsonNode expected, JsonNode actual) {
    if (PyJson.pyEquals(expected, actual)) {
      return true;
    }
    return wildcardMatch(PyJson.dumps(nullToNode(expected), true), PyJson.dumps(nullToNode(actual), true));
  }

  /** Whether {@code text} matches {@code pattern}, whose placeholder tokens match any text. */
  static boolean wildcardMatch(String pattern, String text) {
    List<String> literals = new ArrayList<>();
    Matcher m = TOKEN.matcher(pattern);
    int last = 0;
    while (m.find()) {
      literals.add(pattern.substring(last, m.start()));
      last = m.end();
    }
    literals.add(pattern.substring(last));
    if (literals.size() == 1) {
      return pattern.equals(text);
    }
    String first = literals.get(0);
    String tail = literals.get(literals.size() - 1);
    if (!text.startsWith(first) || !text.endsWith(tail)) {
      return false;
    }
    int pos = first.length();
    int end = text.length() - tail.length();
    if (end < pos) {
      return false;
    }
    for (int i = 1; i < literals.size() - 1; i++) {
      String lit = literals.get(i);
      int idx = text.indexOf(lit, pos);
      if (idx < 0 || idx + lit.length() > end) {
        return false;
      }
      pos = idx + lit.length();
    }
    return true;
  }

  /** Whether a string holds a placeholder token. */
  static boolean hasToken(String s) {
    return TOKEN.matcher(s).find();
  }

  /** The ops LocalStack's sfn_snapshot fixture adds before a test's own (priority 0). */
  public static List<JsonNode> defaultOpsBefore() {
    List<JsonNode> ops = new ArrayList<>();
    String[][] paths = {
      {"$..SdkHttpMetadata..Date", "date"},
      {"$..SdkResponseMetadata..RequestId", "RequestId"},
      {"$..X-Amzn-Trace-Id", "X-Amzn-Trace-Id"},
      {"$..x-amz-crc32", "x-amz-crc32"},
      {"$..x-amzn-RequestId", "x-amzn-RequestId"},
      {"$..x-amzn-requestid", "x-amzn-requestid"},
    };
    for (String[] p : paths) {
      ops.add(op("jsonpath_value").put("path", p[0]).put("replacement", p[1]));
    }
    ops.add(op("cause_json_input_reference").put("replacement", "json-input"));
    return ops;
  }

  /** The ops the snapshot fixture adds after a test's own (priority 2). */
  public static List<JsonNode> defaultOpsAfter(String account, String region, String partition) {
    List<JsonNode> ops = new ArrayList<>();
    ops.add(op("regex").put("pattern", account).put("replacement", "1".repeat(12)));
    ops.add(op("regex").put("pattern", region).put("replacement", "<region>"));
    ops.add(op("regex").put("pattern", "arn:" + partition + ":").put("replacement", "arn:<partition>:"));
    ops.add(op("response_metadata"));
    ops.add(op("uuid_reference").put("replacement", "uuid"));
    ops.add(op("iso8601_date").put("replacement", "date"));
    ops.add(op("timestamp_keys").put("replacement", "timestamp"));
    return ops;
  }

  private static ObjectNode op(String kind) {
    return PyJson.nodes().objectNode().put("op", kind);
  }

  // ---- internals ---------------------------------------------------------------------------

  @FunctionalInterface
  private interface Match {
    /** The match result, or null for no match. */
    JsonNode apply(String key, JsonNode value);
  }

  @FunctionalInterface
  private interface OnMatch {
    void apply(ObjectNode d, String key, JsonNode value, JsonNode result);
  }

  private static final class Ctx {
    final List<UnaryOperator<String>> queue = new ArrayList<>();
    final Map<String, Integer> counters = new HashMap<>();
    final Set<String> seen = new HashSet<>();

    void reference(JsonNode value, String replacement) {
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
  }

  /** Replaces '{'-strings that parse as JSON by the parsed value (one level, as the original). */
  static void parseJsonStrings(ObjectNode d) {
    List<String> keys = new ArrayList<>();
    d.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      JsonNode v = d.get(k);
      if (v instanceof ArrayNode a) {
        for (JsonNode item : a) {
          if (item instanceof ObjectNode o) {
            parseJsonStrings(o);
          }
        }
      }
      if (v instanceof ObjectNode o) {
        parseJsonStrings(o);
      }
      if (v != null && v.isTextual() && v.textValue().startsWith("{")) {
        JsonNode parsed = PyJson.tryLoads(v.textValue());
        if (parsed != null) {
          d.set(k, parsed);
        }
      }
    }
  }

  /** The snapshot library's key/value traversal: object fields; arrays only through their objects. */
  private static void kvWalk(ObjectNode d, Match match, OnMatch onMatch) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : d.properties()) {
      entries.add(Map.entry(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, JsonNode> e : entries) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      JsonNode res = match.apply(k, v);
      if (res != null) {
        onMatch.apply(d, k, v, res);
      } else if (v instanceof ArrayNode a) {
        for (JsonNode item : a) {
          if (item instanceof ObjectNode o) {
            kvWalk(o, match, onMatch);
          }
        }
      } else if (v instanceof ObjectNode o) {
        kvWalk(o, match, onMatch);
      }
    }
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

  private static JsonNode causeJson(String k, JsonNode v) {
    if (k.equals("cause") && v.isTextual()) {
      Matcher m = CAUSE_JSON.matcher(v.textValue());
      if (m.lookingAt()) {
        return PyJson.tryLoads(m.group(1)) != null ? TextNode.valueOf(m.group(1)) : null;
      }
    }
    return null;
  }

  /**
   * Sorts the events between ParallelStateStarted and the Parallel state's end by their JSON
   * text, after setting their ids to [0] and previous ids to 0; a faithful port, including
   * that the sorted range is written back again at ParallelStateExited (which drops one event).
   */
  static void sortParallelEvents(ArrayNode events) {
    Integer startIdx = null;
    List<JsonNode> sublist = new ArrayList<>();
    boolean inSub = false;
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      JsonNode typeNode = e instanceof ObjectNode ? e.get("type") : null;
      if (typeNode == null || typeNode.isNull()) {
        inSub = false;
        continue;
      }
      String t = typeNode.isTextual() ? typeNode.textValue() : null;
      if ("ParallelStateSucceeded".equals(t) || "ParallelStateAborted".equals(t) || "ParallelStateExited".equals(t)
          || "ParallelStateFailed".equals(t)) {
        if (startIdx != null) {
          List<JsonNode> sorted = new ArrayList<>(sublist);
          sorted.sort((a, b) -> PyJson.compareCodePoints(PyJson.dumps(a), PyJson.dumps(b)));
          assignSlice(events, startIdx, i, sorted);
        }
        inSub = false;
      } else if ("ParallelStateStarted".equals(t)) {
        inSub = true;
        sublist = new ArrayList<>();
        startIdx = i + 1;
      } else if (inSub) {
        ObjectNode o = (ObjectNode) e;
        o.set("id", PyJson.nodes().arrayNode().add(0));
        o.put("previousEventId", 0);
        sublist.add(e);
      }
    }
  }

  /** Python's {@code list[a:b] = items}. */
  private static void assignSlice(ArrayNode list, int a, int b, List<JsonNode> items) {
    int n = list.size();
    int from = Math.min(Math.max(a, 0), n);
    int to = Math.min(Math.max(b, from), n);
    List<JsonNode> all = new ArrayList<>(n - (to - from) + items.size());
    for (int i = 0; i < from; i++) {
      all.add(list.get(i));
    }
    all.addAll(items);
    for (int i = to; i < n; i++) {
      all.add(list.get(i));
    }
    list.removeAll();
    list.addAll(all);
  }

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

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static JsonNode nullToNode(JsonNode n) {
    return n == null ? PyJson.nodes().nullNode() : n;
  }

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "null";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
