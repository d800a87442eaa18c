package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * DynamoDB JSON to the SDK's request objects and its response objects back to JSON, by the
 * fields the SDK's model gives each shape (their wire names), so that every operation's members
 * pass through a real endpoint exactly as a task gives them.
 */
final class SdkJson {
  private SdkJson() {}

  /** Fills a builder from JSON and builds it; a member the shape does not have is ignored. */
  @SuppressWarnings("unchecked")
  static <T> T build(SdkPojo builder, JsonNode json) {
    fill(builder, json);
    return (T) ((SdkBuilder<?, ?>) builder).build();
  }

  private static void fill(SdkPojo builder, JsonNode json) {
    if (json == null || !json.isObject()) {
      return;
    }
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode v = json.get(field.locationName());
      if (v != null && !v.isNull()) {
        field.set(builder, value(field, v));
      }
    }
  }

  private static Object value(SdkField<?> field, JsonNode v) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return v.isTextual() ? v.textValue() : v.toString();
    } else if (type == MarshallingType.INTEGER) {
      return v.asInt();
    } else if (type == MarshallingType.LONG) {
      return v.asLong();
    } else if (type == MarshallingType.DOUBLE) {
      return v.asDouble();
    } else if (type == MarshallingType.BOOLEAN) {
      return v.asBoolean();
    } else if (type == MarshallingType.INSTANT) {
      BigDecimal seconds = v.decimalValue();
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    } else if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText()));
    } else if (type == MarshallingType.SDK_POJO) {
      return build(field.constructor().get(), v);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      v.forEach(e -> out.add(value(member, e)));
      return out;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new LinkedHashMap<>();
      v.properties().forEach(e -> out.put(e.getKey(), value(member, e.getValue())));
      return out;
    }
    throw new IllegalArgumentException("Stepwise cannot pass a member of type " + type + " to DynamoDB: " + field.locationName());
  }

  /** A response object as DynamoDB's JSON: its members set, by their wire names. */
  static ObjectNode write(SdkPojo pojo) {
    ObjectNode out = Json.NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object v = field.getValueOrDefault(pojo);
      JsonNode j = json(field, v);
      if (j != null) {
        out.set(field.locationName(), j);
      }
    }
    return out;
  }

  private static JsonNode json(SdkField<?> field, Object v) {
    if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return write((SdkPojo) v);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      ArrayNode a = Json.NODES.arrayNode();
      ((List<?>) v).forEach(e -> a.add(json(member, e)));
      return a;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      ObjectNode o = Json.NODES.objectNode();
      ((Map<?, ?>) v).forEach((k, e) -> o.set(k.toString(), json(member, e)));
      return o;
    } else if (v instanceof SdkBytes b) {
      return Json.NODES.textNode(Base64.getEncoder().encodeToString(b.asByteArray()));
    } else if (v instanceof Instant i) {
      return Json.NODES.numberNode(BigDecimal.valueOf(i.toEpochMilli(), 3));
    } else if (v instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    } else if (v instanceof Integer n) {
      return Json.NODES.numberNode(n);
    } else if (v instanceof Long n) {
      return Json.NODES.numberNode(n);
    } else if (v instanceof Double n) {
      return Json.NODES.numberNode(n);
    }
    return Json.NODES.textNode(v.toString());
  }
}
