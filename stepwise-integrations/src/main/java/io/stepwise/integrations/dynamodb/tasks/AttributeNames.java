package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.util.Map;
import java.util.Set;

/**
 * How Step Functions spells DynamoDB's attribute types in a task's result. It hands the task the
 * SDK's response object serialised by its members' Java names, so a string set is {@code Ss}, a
 * boolean {@code Bool}, a null {@code Nul} (the AWS SDK integrations, SDK v2) or {@code Null} (the
 * optimized integrations, SDK v1), while {@code S}, {@code N}, {@code B}, {@code M} and {@code L}
 * read as on the wire. AWS has confirmed this for both kinds of integration. In a task's
 * parameters both spellings are taken, so a result can be passed on as it is.
 */
final class AttributeNames {
  /** The members of a response (or request) that hold an item, a list of items, or a map of table to items. */
  private static final Set<String> ITEM = Set.of("Item", "Attributes", "LastEvaluatedKey", "Key", "ExclusiveStartKey",
      "ExpressionAttributeValues");
  private static final Set<String> ITEMS = Set.of("Items", "Keys");

  private static final Map<String, String> SDK_V2 = Map.of("SS", "Ss", "NS", "Ns", "BS", "Bs", "BOOL", "Bool", "NULL", "Nul");
  private static final Map<String, String> SDK_V1 = Map.of("SS", "Ss", "NS", "Ns", "BS", "Bs", "BOOL", "Bool", "NULL", "Null");
  private static final Map<String, String> WIRE = Map.of("Ss", "SS", "Ns", "NS", "Bs", "BS", "Bool", "BOOL", "Nul", "NULL",
      "Null", "NULL");

  private AttributeNames() {}

  /** A response's attribute values in the names an optimized ({@code sdkV1}) or AWS SDK integration gives them. */
  static JsonNode toTask(JsonNode response, boolean sdkV1) {
    return walk(response, sdkV1 ? SDK_V1 : SDK_V2);
  }

  /** A task's parameters with every attribute value in DynamoDB's wire names. */
  static JsonNode toWire(JsonNode parameters) {
    return walk(parameters, WIRE);
  }

  private static JsonNode walk(JsonNode node, Map<String, String> names) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = Json.NODES.objectNode();
      o.properties().forEach(e -> {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (ITEM.contains(k) && v.isObject()) {
          out.set(k, item(v, names));
        } else if (ITEMS.contains(k) && v.isArray()) {
          ArrayNode a = out.putArray(k);
          v.forEach(i -> a.add(item(i, names)));
        } else if (k.equals("Responses") && v.isObject()) {
          // BatchGetItem: table -> items
          ObjectNode tables = out.putObject(k);
          v.properties().forEach(t -> {
            ArrayNode a = tables.putArray(t.getKey());
            t.getValue().forEach(i -> a.add(item(i, names)));
          });
        } else {
          out.set(k, walk(v, names));
        }
      });
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = Json.NODES.arrayNode();
      a.forEach(v -> out.add(walk(v, names)));
      return out;
    }
    return node;
  }

  private static JsonNode item(JsonNode item, Map<String, String> names) {
    if (!item.isObject()) {
      return item;
    }
    ObjectNode out = Json.NODES.objectNode();
    item.properties().forEach(e -> out.set(e.getKey(), value(e.getValue(), names)));
    return out;
  }

  private static JsonNode value(JsonNode v, Map<String, String> names) {
    if (!v.isObject()) {
      return v;
    }
    ObjectNode out = Json.NODES.objectNode();
    v.properties().forEach(e -> {
      String type = names.getOrDefault(e.getKey(), e.getKey());
      JsonNode inner = e.getValue();
      if (e.getKey().equals("M")) {
        out.set(type, item(inner, names));
      } else if (e.getKey().equals("L") && inner.isArray()) {
        ArrayNode a = out.putArray(type);
        inner.forEach(x -> a.add(value(x, names)));
      } else {
        out.set(type, inner);
      }
    });
    return out;
  }
}
