package io.stepwise.integrations.dynamodb.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.model.TableDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A table's definition as the store keeps it (JSON, so that later versions can add to it). */
final class TableCodec {
  private TableCodec() {}

  static String write(TableDef t) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("name", t.name());
    o.set("hashKey", key(t.hashKey()));
    if (t.rangeKey() != null) {
      o.set("rangeKey", key(t.rangeKey()));
    }
    ArrayNode defs = o.putArray("attributeDefinitions");
    t.attributeDefinitions().forEach(d -> defs.add(key(d)));
    o.put("billingMode", t.billingMode());
    o.put("readCapacity", t.readCapacity());
    o.put("writeCapacity", t.writeCapacity());
    o.put("created", t.created().toEpochMilli());
    o.put("tableId", t.tableId());
    o.put("arn", t.arn());
    return o.toString();
  }

  static TableDef read(String text) {
    try {
      JsonNode o = Json.parse(text);
      List<TableDef.KeyAttribute> defs = new ArrayList<>();
      o.path("attributeDefinitions").forEach(d -> defs.add(key(d)));
      return new TableDef(o.path("name").asText(), key(o.get("hashKey")), o.has("rangeKey") ? key(o.get("rangeKey")) : null,
          List.copyOf(defs), o.path("billingMode").asText(), o.path("readCapacity").asLong(), o.path("writeCapacity").asLong(),
          Instant.ofEpochMilli(o.path("created").asLong()), o.path("tableId").asText(), o.path("arn").asText());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored table definition is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode key(TableDef.KeyAttribute k) {
    return Json.NODES.objectNode().put("name", k.name()).put("type", k.type());
  }

  private static TableDef.KeyAttribute key(JsonNode n) {
    return new TableDef.KeyAttribute(n.path("name").asText(), n.path("type").asText());
  }
}
