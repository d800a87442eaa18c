package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.expressions.Documents;
import io.stepwise.integrations.dynamodb.expressions.Evaluator;
import io.stepwise.integrations.dynamodb.expressions.ExpressionContext;
import io.stepwise.integrations.dynamodb.expressions.Parser;
import io.stepwise.integrations.dynamodb.expressions.Path;
import io.stepwise.integrations.dynamodb.expressions.Update;
import io.stepwise.integrations.dynamodb.expressions.Updater;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import io.stepwise.integrations.dynamodb.model.Keys;
import io.stepwise.integrations.dynamodb.model.TableDef;
import io.stepwise.integrations.dynamodb.model.Values;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GetItem, PutItem, UpdateItem and DeleteItem, and the write steps BatchWriteItem and TransactWriteItems share. */
final class ItemOperations {
  /** DynamoDB's largest item. */
  static final long MAX_ITEM_BYTES = 400 * 1024;

  private final TableStore store;

  ItemOperations(TableStore store) {
    this.store = store;
  }

  JsonNode get(Request r) {
    String name = r.tableName("TableName", "tableName");
    r.required("Key", "key");
    r.check();
    Map<String, AttributeValue> key = ItemJson.item(r.object("Key"));
    List<Path> projection = Projections.read(r);
    boolean consistent = Boolean.TRUE.equals(r.bool("ConsistentRead"));
    return store.transaction(tx -> {
      TableDef table = table(tx, name);
      Map<String, AttributeValue> k = Keys.check(key, table);
      Map<String, AttributeValue> item = tx.get(name, Keys.bytes(k.get(table.hashKey().name())), rangeBytes(k, table));
      ObjectNode out = Json.NODES.objectNode();
      if (item != null) {
        out.set("Item", ItemJson.write(projection == null ? item : Documents.project(item, projection)));
      }
      Capacity.add(out, r, name, Capacity.read(item == null ? 0 : Values.itemBytes(item), consistent));
      return out;
    });
  }

  JsonNode put(Request r) {
    return single(r, WritePlan.Kind.PUT);
  }

  JsonNode update(Request r) {
    return single(r, WritePlan.Kind.UPDATE);
  }

  JsonNode delete(Request r) {
    return single(r, WritePlan.Kind.DELETE);
  }

  private JsonNode single(Request r, WritePlan.Kind kind) {
    WritePlan plan = WritePlan.read(kind, r.body(), "");
    return store.transaction(tx -> {
      Bound b = bind(tx, plan);
      if (!conditionHolds(b)) {
        throw failed(b);
      }
      Map<String, AttributeValue> after = after(b);
      write(tx, b, after);
      ObjectNode out = Json.NODES.objectNode();
      Map<String, AttributeValue> returned = returned(b, after);
      if (returned != null && !returned.isEmpty()) {
        out.set("Attributes", ItemJson.write(returned));
      }
      long bytes = Math.max(b.old() == null ? 0 : Values.itemBytes(b.old()), after == null ? 0 : Values.itemBytes(after));
      Capacity.add(out, r, plan.table(), Capacity.write(bytes));
      return out;
    });
  }

  /** A write bound to its table: the key checked against the schema, and the item as stored now. */
  record Bound(WritePlan plan, TableDef table, Map<String, AttributeValue> key, byte[] hash, byte[] range,
      Map<String, AttributeValue> old) {}

  static Bound bind(TableStore.Tx tx, WritePlan plan) throws SQLException {
    TableDef table = table(tx, plan.table());
    Map<String, AttributeValue> key = plan.kind() == WritePlan.Kind.PUT ? Keys.ofItem(plan.item(), table) : Keys.check(plan.key(), table);
    if (plan.kind() == WritePlan.Kind.PUT && Values.itemBytes(plan.item()) > MAX_ITEM_BYTES) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
    if (plan.update() != null) {
      Updater.checkKeys(plan.update(), table);
    }
    byte[] hash = Keys.bytes(key.get(table.hashKey().name()));
    byte[] range = rangeBytes(key, table);
    return new Bound(plan, table, key, hash, range, tx.get(table.name(), hash, range));
  }

  static boolean conditionHolds(Bound b) {
    return b.plan().condition() == null || Evaluator.test(b.plan().condition(), b.old());
  }

  static DynamoDbException failed(Bound b) {
    ObjectNode members = Json.NODES.objectNode();
    if (b.plan().oldOnFailure() && b.old() != null) {
      members.set("Item", ItemJson.write(b.old()));
    }
    return DynamoDbException.conditionalCheckFailed(members);
  }

  /** The item after the write (null: none; a condition check's is the item as it is). */
  static Map<String, AttributeValue> after(Bound b) {
    WritePlan p = b.plan();
    return switch (p.kind()) {
      case PUT -> p.item();
      case DELETE -> null;
      case CHECK -> b.old();
      case UPDATE -> {
        Map<String, AttributeValue> next = p.update() == null ? (b.old() == null ? b.key() : b.old()) : Updater.apply(p.update(), b.old(), b.key());
        if (Values.itemBytes(next) > MAX_ITEM_BYTES) {
          throw DynamoDbException.validation("Item size to update has exceeded the maximum allowed size");
        }
        yield next;
      }
    };
  }

  static void write(TableStore.Tx tx, Bound b, Map<String, AttributeValue> after) throws SQLException {
    switch (b.plan().kind()) {
      case CHECK -> { }
      case DELETE -> tx.delete(b.table().name(), b.hash(), b.range());
      default -> tx.put(b.table().name(), b.hash(), b.range(), after, Values.itemBytes(after));
    }
  }

  /** What ReturnValues asks for, or null. */
  static Map<String, AttributeValue> returned(Bound b, Map<String, AttributeValue> after) {
    return switch (b.plan().returnValues()) {
      case "ALL_OLD" -> b.old();
      case "ALL_NEW" -> after;
      case "UPDATED_OLD" -> b.old() == null ? null : Documents.project(b.old(), updatedPaths(b.plan().update()));
      case "UPDATED_NEW" -> after == null ? null : Documents.project(after, updatedPaths(b.plan().update()));
      default -> null;
    };
  }

  /**
   * The paths an update named, every action's (a REMOVE's too: UPDATED_NEW shows what is at its
   * path afterwards, as dynalite, checked against DynamoDB, does).
   */
  private static List<Path> updatedPaths(Update u) {
    List<Path> out = new ArrayList<>();
    if (u != null) {
      u.actions().forEach(a -> out.add(a.path()));
    }
    return out;
  }

  static TableDef table(TableStore.Tx tx, String name) throws SQLException {
    TableDef t = tx.table(name);
    if (t == null) {
      throw DynamoDbException.noSuchTable();
    }
    return t;
  }

  static byte[] rangeBytes(Map<String, AttributeValue> key, TableDef table) {
    return table.rangeKey() == null ? new byte[0] : Keys.bytes(key.get(table.rangeKey().name()));
  }

  /** ProjectionExpression (or the legacy AttributesToGet) of a read. */
  static final class Projections {
    private Projections() {}

    static List<Path> read(Request r) {
      String text = r.string("ProjectionExpression");
      JsonNode attributesToGet = r.array("AttributesToGet");
      if (text != null && attributesToGet != null) {
        throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
      }
      ExpressionContext context = ExpressionContext.of(r.object("ExpressionAttributeNames"), null, text != null, null);
      if (attributesToGet != null) {
        List<Path> paths = new ArrayList<>();
        attributesToGet.forEach(a -> paths.add(new Path(List.of(new Path.Name(a.asText())))));
        return paths;
      }
      List<Path> paths = text == null ? null : Parser.projection(text, context);
      context.checkAllUsed();
      return paths;
    }
  }
}
