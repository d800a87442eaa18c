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
 * TransactWriteItems and TransactGetItems. A write transaction is one SQLite transaction: every
 * condition is evaluated first, and if any fails (or an update cannot be carried out) nothing is
 * written and the answer is TransactionCanceledException with one reason per item, in order.
 */
final class TransactOperations {
  private static final List<String> WRITE_KINDS = List.of("ConditionCheck", "Put", "Delete", "Update");

  private final TableStore store;

  TransactOperations(TableStore store) {
    this.store = store;
  }

  JsonNode write(Request r) {
    r.required("TransactItems", "transactItems");
    r.check();
    JsonNode items = r.array("TransactItems");
    if (items.isEmpty() || items.size() > 100) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + items + "' at 'transactItems' failed to satisfy constraint: Member must have length "
          + (items.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    List<WritePlan> plans = new ArrayList<>();
    int i = 1;
    for (JsonNode item : items) {
      List<String> given = WRITE_KINDS.stream().filter(item::hasNonNull).toList();
      if (given.size() != 1) {
        throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
      }
      String kind = given.get(0);
      String prefix = "transactItems." + i + ".member." + Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + ".";
      plans.add(WritePlan.read(switch (kind) {
        case "ConditionCheck" -> WritePlan.Kind.CHECK;
        case "Put" -> WritePlan.Kind.PUT;
        case "Delete" -> WritePlan.Kind.DELETE;
        default -> WritePlan.Kind.UPDATE;
      }, item.get(kind), prefix));
      i++;
    }
    return store.transaction(tx -> {
      List<ItemOperations.Bound> bound = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (WritePlan p : plans) {
        ItemOperations.Bound b = ItemOperations.bind(tx, p);
        if (!seen.add(p.table() + "\u0000" + ItemJson.write(b.key()))) {
          throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
        }
        bound.add(b);
      }
      ArrayNode reasons = Json.NODES.arrayNode();
      List<Map<String, AttributeValue>> afters = new ArrayList<>();
      boolean cancelled = false;
      List<String> codes = new ArrayList<>();
      for (ItemOperations.Bound b : bound) {
        ObjectNode reason = reasons.addObject();
        if (!ItemOperations.conditionHolds(b)) {
          reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
          if (b.plan().oldOnFailure() && b.old() != null) {
            reason.set("Item", ItemJson.write(b.old()));
          }
          afters.add(null);
          cancelled = true;
          codes.add("ConditionalCheckFailed");
          continue;
        }
        try {
          afters.add(ItemOperations.after(b));
          reason.put("Code", "None");
          codes.add("None");
        } catch (DynamoDbException e) {
          if (!e.code().equals("ValidationException")) {
            throw e;
          }
          reason.put("Code", "ValidationError").put("Message", e.getMessage());
          afters.add(null);
          cancelled = true;
          codes.add("ValidationError");
        }
      }
      if (cancelled) {
        ObjectNode members = Json.NODES.objectNode();
        members.set("CancellationReasons", reasons);
        throw DynamoDbException.transactionCanceled(
            "Transaction cancelled, please refer cancellation reasons for specific reasons [" + String.join(", ", codes) + "]", members);
      }
      for (int j = 0; j < bound.size(); j++) {
        ItemOperations.write(tx, bound.get(j), afters.get(j));
      }
      return Json.NODES.objectNode();
    });
  }

  JsonNode get(Request r) {
    r.required("TransactItems", "transactItems");
    r.check();
    JsonNode items = r.array("TransactItems");
    if (items.isEmpty() || items.size() > 100) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + items + "' at 'transactItems' failed to satisfy constraint: Member must have length "
          + (items.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    record Wanted(String table, Map<String, AttributeValue> key, List<Path> projection) {}
    List<Wanted> wanted = new ArrayList<>();
    int i = 1;
    for (JsonNode item : items) {
      Request g = new Request(item.get("Get"));
      String table = g.tableName("TableName", "transactItems." + i + ".member.get.tableName");
      g.required("Key", "transactItems." + i + ".member.get.key");
      g.check();
      wanted.add(new Wanted(table, ItemJson.item(g.object("Key")), ItemOperations.Projections.read(g)));
      i++;
    }
    return store.transaction(tx -> {
      ObjectNode out = Json.NODES.objectNode();
      ArrayNode responses = out.putArray("Responses");
      for (Wanted w : wanted) {
        TableDef table = ItemOperations.table(tx, w.table());
        Map<String, AttributeValue> k = Keys.check(w.key(), table);
        Map<String, AttributeValue> item = tx.get(table.name(), Keys.bytes(k.get(table.hashKey().name())), ItemOperations.rangeBytes(k, table));
        ObjectNode response = responses.addObject();
        if (item != null) {
          response.set("Item", ItemJson.write(w.projection() == null ? item : Documents.project(item, w.projection())));
        }
      }
      return out;
    });
  }
}
