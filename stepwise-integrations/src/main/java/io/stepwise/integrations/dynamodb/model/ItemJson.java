package io.stepwise.integrations.dynamodb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB JSON ({@code {"S": "x"}}, {@code {"NS": ["1", "2"]}}, ...) to {@link AttributeValue}s and
 * back, with DynamoDB's own errors for a value it would refuse.
 */
public final class ItemJson {
  private ItemJson() {}

  /** An item or key: a map of attribute name to value. */
  public static Map<String, AttributeValue> item(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw DynamoDbException.serialization("Start of structure or map expected");
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  public static AttributeValue value(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw DynamoDbException.serialization("Start of structure or map found where not expected");
    }
    AttributeValue found = null;
    int set = 0;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getValue().isNull()) {
        continue;
      }
      set++;
      found = typed(e.getKey(), e.getValue());
    }
    if (set == 0) {
      throw DynamoDbException.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (set > 1) {
      throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
    return found;
  }

  private static AttributeValue typed(String type, JsonNode v) {
    switch (type) {
      case "S":
        return new AttributeValue.S(text(v));
      case "N":
        return new AttributeValue.N(Numbers.parse(text(v)));
      case "B":
        return new AttributeValue.B(binary(v));
      case "BOOL":
        if (!v.isBoolean()) {
          throw DynamoDbException.serialization(kind(v) + " cannot be converted to Boolean");
        }
        return new AttributeValue.Bool(v.booleanValue());
      case "NULL":
        if (!v.isBoolean()) {
          throw DynamoDbException.serialization(kind(v) + " cannot be converted to Boolean");
        }
        if (!v.booleanValue()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return new AttributeValue.Null();
      case "M": {
        if (!v.isObject()) {
          throw DynamoDbException.serialization("Start of structure or map expected");
        }
        return new AttributeValue.M(item(v));
      }
      case "L": {
        List<AttributeValue> list = new ArrayList<>();
        for (JsonNode e : array(v)) {
          list.add(value(e));
        }
        return new AttributeValue.L(list);
      }
      case "SS": {
        List<String> list = new ArrayList<>();
        for (JsonNode e : array(v)) {
          list.add(text(e));
        }
        if (list.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: An string set  may not be empty");
        }
        if (new HashSet<>(list).size() != list.size()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Input collection " + list + " contains duplicates.");
        }
        return new AttributeValue.SS(List.copyOf(list));
      }
      case "NS": {
        List<BigDecimal> list = new ArrayList<>();
        Set<BigDecimal> seen = new HashSet<>();
        for (JsonNode e : array(v)) {
          BigDecimal d = Numbers.parse(text(e));
          if (!seen.add(d)) {
            throw DynamoDbException.validation("Input collection contains duplicates");
          }
          list.add(d);
        }
        if (list.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: An number set  may not be empty");
        }
        return new AttributeValue.NS(List.copyOf(list));
      }
      case "BS": {
        List<byte[]> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode e : array(v)) {
          byte[] b = binary(e);
          if (!seen.add(Base64.getEncoder().encodeToString(b))) {
            throw DynamoDbException.validation("Input collection contains duplicates");
          }
          list.add(b);
        }
        if (list.isEmpty()) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Binary sets should not be empty");
        }
        return new AttributeValue.BS(List.copyOf(list));
      }
      default:
        throw DynamoDbException.serialization("Unexpected field type: " + type);
    }
  }

  private static String text(JsonNode v) {
    if (!v.isTextual()) {
      throw DynamoDbException.serialization(kind(v) + " cannot be converted to String");
    }
    return v.textValue();
  }

  private static byte[] binary(JsonNode v) {
    String s = text(v);
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + s.length());
    }
  }

  private static JsonNode array(JsonNode v) {
    if (!v.isArray()) {
      throw DynamoDbException.serialization("Unrecognized collection type class java.lang.String");
    }
    return v;
  }

  private static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case NUMBER -> "NUMBER_VALUE";
      case BOOLEAN -> v.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
      case STRING -> "STRING_VALUE";
      case ARRAY -> "START_ARRAY";
      case OBJECT -> "START_OBJECT";
      default -> "VALUE_NULL";
    };
  }

  /** An item (or key) as DynamoDB JSON, attributes in the item's order. */
  public static ObjectNode write(Map<String, AttributeValue> item) {
    ObjectNode out = Json.NODES.objectNode();
    item.forEach((k, v) -> out.set(k, write(v)));
    return out;
  }

  public static ObjectNode write(AttributeValue v) {
    ObjectNode out = Json.NODES.objectNode();
    switch (v) {
      case AttributeValue.S s -> out.put("S", s.value());
      case AttributeValue.N n -> out.put("N", Numbers.format(n.value()));
      case AttributeValue.B b -> out.put("B", Base64.getEncoder().encodeToString(b.value()));
      case AttributeValue.Bool b -> out.put("BOOL", b.value());
      case AttributeValue.Null ignored -> out.put("NULL", true);
      case AttributeValue.M m -> out.set("M", write(m.value()));
      case AttributeValue.L l -> {
        ArrayNode a = out.putArray("L");
        l.value().forEach(e -> a.add(write(e)));
      }
      case AttributeValue.SS s -> {
        ArrayNode a = out.putArray("SS");
        s.value().forEach(a::add);
      }
      case AttributeValue.NS s -> {
        ArrayNode a = out.putArray("NS");
        s.value().forEach(d -> a.add(Numbers.format(d)));
      }
      case AttributeValue.BS s -> {
        ArrayNode a = out.putArray("BS");
        s.value().forEach(b -> a.add(Base64.getEncoder().encodeToString(b)));
      }
    }
    return out;
  }

  /** An attribute value as DynamoDB quotes one in a message: {@code {N:2}}, {@code {S:abc}}. */
  public static String quote(AttributeValue v) {
    ObjectNode w = write(v);
    var e = w.properties().iterator().next();
    JsonNode inner = e.getValue();
    return "{" + e.getKey() + ":" + (inner.isTextual() ? inner.textValue() : inner.toString()) + "}";
  }
}
