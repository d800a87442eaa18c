package io.stepwise.store.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;

/**
 * Reading and writing the codecs' fields. A Java null is written as an absent field and a JSON
 * null as a null, so a value that is absent (a failed child's output) and one that is JSON
 * {@code null} (a task that returned null) come back as they went.
 */
final class Fields {
  private Fields() {}

  static ObjectNode object(String kindField, String kind) {
    ObjectNode o = Json.NODES.objectNode();
    o.put(kindField, kind);
    return o;
  }

  static void text(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  static void value(ObjectNode o, String field, JsonNode value) {
    if (value != null) {
      o.set(field, value);
    }
  }

  static ObjectNode parse(String text, String what) {
    JsonNode n;
    try {
      n = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw new CodecException(what + " is not valid JSON: " + Json.problem(e));
    }
    if (!(n instanceof ObjectNode o)) {
      throw new CodecException(what + " must be a JSON object");
    }
    return o;
  }

  static String kind(JsonNode o, String kindField, String what) {
    return requiredText(o, kindField, what);
  }

  static String requiredText(JsonNode o, String field, String what) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new CodecException(what + ": " + field + " must be a string");
    }
    return v.textValue();
  }

  static String optionalText(JsonNode o, String field, String what) {
    JsonNode v = o.get(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new CodecException(what + ": " + field + " must be a string when present");
    }
    return v.textValue();
  }

  static long whole(JsonNode o, String field, String what) {
    JsonNode v = o.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new CodecException(what + ": " + field + " must be a whole number");
    }
    return v.longValue();
  }

  /** A JSON value: absent is Java null, JSON null is a null node. */
  static JsonNode optionalValue(JsonNode o, String field) {
    return o.get(field);
  }

  static JsonNode requiredValue(JsonNode o, String field, String what) {
    JsonNode v = o.get(field);
    if (v == null) {
      throw new CodecException(what + ": " + field + " is missing");
    }
    return v;
  }

  static <E extends Enum<E>> E constant(JsonNode o, String field, Class<E> type, String what) {
    String name = requiredText(o, field, what);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new CodecException(what + ": " + field + " '" + name + "' is not a " + type.getSimpleName());
    }
  }
}
