package io.stepwise.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Makes an engine result comparable with a recorded AWS value by running the corpus's
 * {@code normalization} ops, exactly as the corpus's reference implementation does
 * (which mirrors the snapshot library that recorded the corpus):
 *
 * <ol>
 *   <li>string values (in objects, or objects directly inside arrays) that start with '{' and
 *       parse as JSON are replaced by the parsed value (not recursively into what was parsed);
 *   <li>ops run in order: value-phase ops ({@link ValueOps}, {@link ParallelEventSort}) change
 *       the value immediately ({@code jsonpath_value}, {@code key_value_value},
 *       {@code timestamp_keys}, {@code response_metadata}, {@code parallel_events_sorted});
 *       serialized-phase ops ({@link TextReplacements}: {@code regex}, {@code iso8601_date},
 *       {@code jsonpath_reference}, {@code key_value_reference}, {@code uuid_reference},
 *       {@code cause_json_input_reference}, {@code sfn_map_run_arns}) are queued;
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
    TextReplacements text = new TextReplacements();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText("");
      String rep = op.path("replacement").asText();
      switch (kind) {
        case "regex" -> text.regex(op.path("pattern").asText(), rep);
        case "iso8601_date" -> text.iso8601(rep);
        case "jsonpath_value" -> ValueOps.jsonpathValue(obj, path(op), rep);
        case "jsonpath_reference" -> text.jsonpathReference(obj, path(op), rep);
        case "key_value_value" -> {
          String key = key(op);
          if (key != null) {
            ValueOps.keyValueValue(obj, key, rep);
          }
        }
        case "key_value_reference" -> {
          String key = key(op);
          if (key != null) {
            text.keyValueReference(obj, key, rep);
          }
        }
        case "uuid_reference" -> text.uuidReference(obj, rep);
        case "cause_json_input_reference" -> text.causeJsonInputReference(obj, rep);
        case "timestamp_keys" -> ValueOps.timestampKeys(obj, rep);
        case "response_metadata" -> ValueOps.responseMetadata(obj);
        case "parallel_events_sorted" -> ParallelEventSort.sortAll(obj);
        case "sfn_map_run_arns" -> text.sfnMapRunArns(obj);
        default -> {
          // "other": snapshot-library utility transformers that the corpus does not reproduce
        }
      }
    }
    String s = text.applyTo(PyJson.dumps(obj));
    JsonNode back = PyJson.tryLoads(s);
    if (back == null) {
      throw new IllegalStateException("normalised text is no longer JSON: " + abbreviate(s, 200));
    }
    return back;
  }

  /** An op's JSONPath, parsed once per distinct path (an unsupported one throws). */
  private static JsonPathLite path(JsonNode op) {
    return PATHS.computeIfAbsent(op.path("path").asText(), JsonPathLite::parse);
  }

  /** A key_value op's key, or null when it has none (the op then does nothing). */
  private static String key(JsonNode op) {
    JsonNode keyNode = op.get("key");
    return keyNode == null || keyNode.isNull() ? null : keyNode.asText();
  }

  /**
   * Equality where placeholder tokens such as {@code <uuid:1>} in {@code expected} match any
   * text; see {@link Placeholders#matches}.
   */
  public static boolean matches(JsonNode expected, JsonNode actual) {
    return Placeholders.matches(expected, actual);
  }

  /** The ops LocalStack's sfn_snapshot fixture adds before a test's own (priority 0). */
  public static List<JsonNode> defaultOpsBefore() {
    return DefaultOps.before();
  }

  /** The ops the snapshot fixture adds after a test's own (priority 2). */
  public static List<JsonNode> defaultOpsAfter(String account, String region, String partition) {
    return DefaultOps.after(account, region, partition);
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

  static String abbreviate(String s, int max) {
    if (s == null) {
      return "null";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
