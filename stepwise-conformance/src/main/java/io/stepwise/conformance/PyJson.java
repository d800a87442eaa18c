package io.stepwise.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json} module sees it, because the corpus ops were defined over
 * Python values and over the text {@code json.dumps} produces.
 *
 * <ul>
 *   <li>{@link #loads}: integers stay integers, anything with a fraction or exponent becomes a
 *       double (Python float); NaN and Infinity are accepted; the last of duplicate keys wins.
 *   <li>{@link #dumps}: separators {@code ", "} and {@code ": "}, non-ASCII and control
 *       characters escaped as lowercase {@code \\uXXXX}, keys in insertion order (or sorted by
 *       code point), floats in Python's {@code repr} form.
 *   <li>{@link #pyEquals}: Python's {@code ==} on the parsed values (dicts ignore key order,
 *       1 == 1.0), except that booleans never equal numbers here (Python's True == 1 is not a
 *       useful leniency for a conformance check).
 *   <li>{@link #pyStr}: Python's {@code str()} of the value ({@code {'a': [1, None]}}).
 * </ul>
 *
 * <p>This class parses and is the entry point; {@link PyJsonWriter}, {@link PyEquality} and
 * {@link PyRepr} do the rest.
 */
public final class PyJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.instance)
          .build();

  private PyJson() {}

  /** The node factory used for values this class builds. */
  public static JsonNodeFactory nodes() {
    return JsonNodeFactory.instance;
  }

  /** Parses JSON text like {@code json.loads}. */
  public static JsonNode loads(String text) throws JsonProcessingException {
    JsonNode n = MAPPER.readTree(text);
    if (n == null || n.isMissingNode()) {
      throw new IllegalArgumentException("empty JSON text");
    }
    return n;
  }

  /** Parses, or returns null when the text is not JSON. */
  public static JsonNode tryLoads(String text) {
    try {
      return loads(text);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code json.dumps(value)}. */
  public static String dumps(JsonNode value) {
    return PyJsonWriter.dumps(value, false);
  }

  /** {@code json.dumps(value, sort_keys=sortKeys)}. */
  public static String dumps(JsonNode value, boolean sortKeys) {
    return PyJsonWriter.dumps(value, sortKeys);
  }

  /** An object's fields in insertion order, or sorted by code point. */
  static List<Map.Entry<String, JsonNode>> entries(JsonNode obj, boolean sorted) {
    return PyJsonWriter.entries(obj, sorted);
  }

  /** Python's string order: by code point. */
  static int compareCodePoints(String a, String b) {
    return PyJsonWriter.compareCodePoints(a, b);
  }

  /** A JSON string literal as json.dumps writes it (ensure_ascii). */
  public static String quote(String s) {
    return PyJsonWriter.quote(s);
  }

  /** Python's {@code repr(float)} for a finite double: shortest round-trip digits. */
  public static String floatRepr(double d) {
    return PyJsonWriter.floatRepr(d);
  }

  /** Python's == on two JSON values (booleans and numbers kept apart). */
  public static boolean pyEquals(JsonNode a, JsonNode b) {
    return PyEquality.pyEquals(a, b);
  }

  /** Python's {@code str()} of the value json.loads would give: dict/list repr, True, None, 'text'. */
  public static String pyStr(JsonNode v) {
    return PyRepr.pyStr(v);
  }

  /** Python's {@code repr()} of the value. */
  public static String pyRepr(JsonNode v) {
    return PyRepr.pyRepr(v);
  }
}
