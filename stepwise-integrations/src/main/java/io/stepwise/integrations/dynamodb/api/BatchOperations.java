package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.expressions.Documents;
import io.stepwise.integrations.dynamodb.expressions.Path;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import io.stepwise.integrations.dynamodb.model.Keys;
import io.stepwise.integrations.dynamodb.model.TableDef;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (at most 100 keys) and BatchWriteItem (at most 25 puts and deletes). The local
 * stand-in processes every request at once, so nothing is ever left unprocessed; a batch write is
 * committed as one transaction.
 */
final class BatchOperations {
  private final TableStore store;

  BatchOperations(TableStore store) {
    this.store = store;
  }

  private record TableKeys(String table, List<Map<String, AttributeValue>> keys, List<Path> projection) {}

  JsonNode get(Request r) {
    r.required("RequestItems", "requestItems");
    r.check();
    JsonNode requestItems = r.object("RequestItems");
    List<TableKeys> wanted = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
      Request t = new Request(e.getValue());
      t.required("Keys", "requestItems." + e.getKey() + ".member.keys");
      t.check();
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (JsonNode k : t.array("Keys")) {
        keys.add(ItemJson.item(k));
      }
      total += keys.size();
      wanted.add(new TableKeys(e.getKey(), keys, ItemOperations.Projections.read(t)));
    }
    if (total > 100) {
      throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
    }
    if (wanted.isEmpty()) {
      throw DynamoDbException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    return store.transaction(tx -> {
      ObjectNode out = Json.NODES.objectNode();
      ObjectNode responses = out.putObject("Responses");
      for (TableKeys w : wanted) {
        TableDef table = ItemOperations.table(tx, w.table());
        Set<String> seen = new HashSet<>();
        ArrayNode found = responses.putArray(w.table());
        for (Map<String, AttributeValue> key : w.keys()) {
          Map<String, AttributeValue> k = Keys.check(key, table);
          if (!seen.add(ItemJson.write(k).toString())) {
            throw DynamoDbException.validation("Provided list of item keys contains duplicates");
          }
          Map<String, AttributeValue> item = tx.get(table.name(), Keys.bytes(k.get(table.hashKey().name())), ItemOperations.rangeBytes(k, table));
          if (item != null) {
            found.add(ItemJson.write(w.projection() == null ? item : Documents.project(item, w.projection())));
          }
        }
      }
      out.putObject("UnprocessedKeys");
      return out;
    });
  }

  JsonNode write(Request r) {
    r.required("RequestItems", "requestItems");
    r.check();
    JsonNode requestItems = r.object("RequestItems");
    List<WritePlan> plans = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
      if (!e.getValue().isArray()) {
        throw DynamoDbException.serialization("Unrecognized collection type class java.lang.String");
      }
      for (JsonNode request : e.getValue()) {
        JsonNode put = request.get("PutRequest");
        JsonNode delete = request.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
          throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        ObjectNode body = Json.NODES.objectNode().put("TableName", e.getKey());
        if (put != null) {
          body.set("Item", put.get("Item"));
          plans.add(WritePlan.read(WritePlan.Kind.PUT, body, "requestItems." + e.getKey() + ".member.putRequest."));
        } else {
          body.set("Key", delete.get("Key"));
          plans.add(WritePlan.read(WritePlan.Kind.DELETE, body, "requestItems." + e.getKey() + ".member.deleteRequest."));
        }
      }
    }
    if (plans.size() > 25) {
      throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
    }
    if (plans.isEmpty()) {
      throw DynamoDbException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    return store.transaction(tx -> {
      List<ItemOperations.Bound> bound = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (WritePlan p : plans) {
        ItemOperations.Bound b = ItemOperations.bind(tx, p);
        if (!seen.add(p.table() + "\u0000" + ItemJson.write(b.key()))) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        bound.add(b);
      }
      for (ItemOperations.Bound b : bound) {
        ItemOperations.write(tx, b, ItemOperations.after(b));
      }
      ObjectNode out = Json.NODES.objectNode();
      out.putObject("UnprocessedItems");
      return out;
    });
  }
}
