package io.stepwise.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a request body, or one structure inside it, member by member. A value of the wrong JSON
 * type is a SerializationException at once (the body does not fit the operation's shape); a
 * value that fits but breaks a constraint of the model (missing, too long, out of range, not in
 * the enum) is recorded in the request's {@link Violations}, so that every one is reported
 * together, as AWS does, when {@link #finish()} is called. JSON null reads as absent. Members the
 * shape does not know are ignored, as AWS ignores them.
 *
 * <p>Paths are AWS's: members joined with dots, list items numbered from 1 with {@code member}
 * after the index ({@code routingConfiguration.1.member.weight}).
 */
public final class JsonInput {
  private final JsonNode node;
  private final String path;
  private final Violations violations;

  private JsonInput(JsonNode node, String path, Violations violations) {
    this.node = node;
    this.path = path;
    this.violations = violations;
  }

  /** The whole body; it must be a JSON object. */
  public static JsonInput of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProtocolErrors.serialization("The request body must be a JSON object");
    }
    return new JsonInput(body, "", new Violations());
  }

  /** Throws the ValidationException for every constraint violation recorded, if any. */
  public void finish() {
    if (!violations.isEmpty()) {
      throw violations.toException();
    }
  }

  public Violations violations() {
    return violations;
  }

  /** The member's path as AWS names it in messages. */
  public String pathOf(String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  public boolean has(String member) {
    return value(member) != null;
  }

  public String string(String member, StringShape shape, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isTextual()) {
      throw wrongType(member, "a string", v);
    }
    String s = v.textValue();
    checkString(s, pathOf(member), shape);
    return s;
  }

  public Integer integer(String member, IntShape shape, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrongType(member, "an integer", v);
    }
    int n = v.intValue();
    if (shape.min() != null && n < shape.min()) {
      violations.add("'" + n + "'", pathOf(member), "Member must have value greater than or equal to " + shape.min());
    } else if (shape.max() != null && n > shape.max()) {
      violations.add("'" + n + "'", pathOf(member), "Member must have value less than or equal to " + shape.max());
    }
    return n;
  }

  /** A long member (the model's {@code long}), at least {@code min} when given. */
  public Long longInteger(String member, Long min, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrongType(member, "an integer", v);
    }
    long n = v.longValue();
    if (min != null && n < min) {
      violations.add("'" + n + "'", pathOf(member), "Member must have value greater than or equal to " + min);
    }
    return n;
  }

  /** A float member, within {@code [min, max]} where they are given. */
  public Double decimal(String member, Double min, Double max, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isNumber()) {
      throw wrongType(member, "a number", v);
    }
    double n = v.doubleValue();
    if (min != null && n < min) {
      violations.add("'" + n + "'", pathOf(member), "Member must have value greater than or equal to " + min);
    } else if (max != null && n > max) {
      violations.add("'" + n + "'", pathOf(member), "Member must have value less than or equal to " + max);
    }
    return n;
  }

  public Boolean bool(String member) {
    JsonNode v = value(member);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw wrongType(member, "a boolean", v);
    }
    return v.booleanValue();
  }

  /** An enum member; the enum's constant names are the model's values. */
  public <E extends Enum<E>> E enumValue(String member, Class<E> type, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isTextual()) {
      throw wrongType(member, "a string", v);
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v.textValue())) {
        return e;
      }
    }
    String set = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    violations.add("'" + v.textValue() + "'", pathOf(member), "Member must satisfy enum value set: [" + set + "]");
    return null;
  }

  /** A nested structure, read by the same rules; null when absent. */
  public JsonInput structure(String member, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isObject()) {
      throw wrongType(member, "an object", v);
    }
    return new JsonInput(v, pathOf(member), violations);
  }

  /** A list of structures, each read by {@code item}; null when absent. */
  public <T> List<T> list(String member, ListShape shape, boolean required, Function<JsonInput, T> item) {
    JsonNode v = listNode(member, shape, required);
    if (v == null) {
      return null;
    }
    List<T> out = new ArrayList<>(v.size());
    int i = 1;
    for (JsonNode e : v) {
      String itemPath = pathOf(member) + "." + i++ + ".member";
      if (!e.isObject()) {
        throw ProtocolErrors.serialization("Invalid value at '" + itemPath + "': expected an object, found " + kind(e));
      }
      out.add(item.apply(new JsonInput(e, itemPath, violations)));
    }
    return out;
  }

  /** A list of strings, each held to {@code itemShape}; null when absent. */
  public List<String> strings(String member, ListShape shape, StringShape itemShape, boolean required) {
    JsonNode v = listNode(member, shape, required);
    if (v == null) {
      return null;
    }
    List<String> out = new ArrayList<>(v.size());
    int i = 1;
    for (JsonNode e : v) {
      String itemPath = pathOf(member) + "." + i++ + ".member";
      if (!e.isTextual()) {
        throw ProtocolErrors.serialization("Invalid value at '" + itemPath + "': expected a string, found " + kind(e));
      }
      checkString(e.textValue(), itemPath, itemShape);
      out.add(e.textValue());
    }
    return out;
  }

  private JsonNode listNode(String member, ListShape shape, boolean required) {
    JsonNode v = value(member);
    if (v == null) {
      return missing(member, required);
    }
    if (!v.isArray()) {
      throw wrongType(member, "a list", v);
    }
    if (shape.min() != null && v.size() < shape.min()) {
      violations.add("'" + render(v, shape.itemName()) + "'", pathOf(member),
          "Member must have length greater than or equal to " + shape.min());
    } else if (shape.max() != null && v.size() > shape.max()) {
      violations.add("'" + render(v, shape.itemName()) + "'", pathOf(member),
          "Member must have length less than or equal to " + shape.max());
    }
    return v;
  }

  private void checkString(String s, String at, StringShape shape) {
    String shown = shape.sensitive() ? null : "'" + s + "'";
    int length = s.codePointCount(0, s.length());
    if (shape.min() != null && length < shape.min()) {
      violations.add(shown, at, "Member must have length greater than or equal to " + shape.min());
    } else if (shape.max() != null && length > shape.max()) {
      violations.add(shown, at, "Member must have length less than or equal to " + shape.max());
    } else if (shape.pattern() != null && !shape.compiled().matcher(s).matches()) {
      violations.add(shown, at, "Member must satisfy regular expression pattern: " + shape.pattern());
    }
  }

  private JsonNode value(String member) {
    JsonNode v = node.get(member);
    return v == null || v.isNull() ? null : v;
  }

  private <T> T missing(String member, boolean required) {
    if (required) {
      violations.add("null", pathOf(member), "Member must not be null");
    }
    return null;
  }

  private ApiException wrongType(String member, String expected, JsonNode found) {
    return ProtocolErrors.serialization(
        "Invalid value for '" + pathOf(member) + "': expected " + expected + ", found " + kind(found));
  }

  private static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** A value as AWS's messages print it: lists in brackets, structures as Name(key=value, ...). */
  private static String render(JsonNode v, String itemName) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(e -> items.add(render(e, itemName)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isObject()) {
      List<String> fields = new ArrayList<>();
      for (Map.Entry<String, JsonNode> f : v.properties()) {
        fields.add(f.getKey() + "=" + render(f.getValue(), itemName));
      }
      return (itemName == null ? "" : itemName) + "(" + String.join(", ", fields) + ")";
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
