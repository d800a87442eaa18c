package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.expressions.Attributes;
import io.stepwise.integrations.dynamodb.expressions.Condition;
import io.stepwise.integrations.dynamodb.expressions.Documents;
import io.stepwise.integrations.dynamodb.expressions.Evaluator;
import io.stepwise.integrations.dynamodb.expressions.ExpressionContext;
import io.stepwise.integrations.dynamodb.expressions.KeyCondition;
import io.stepwise.integrations.dynamodb.expressions.Parser;
import io.stepwise.integrations.dynamodb.expressions.Path;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import io.stepwise.integrations.dynamodb.model.Keys;
import io.stepwise.integrations.dynamodb.model.TableDef;
import io.stepwise.integrations.dynamodb.model.Values;
import io.stepwise.integrations.dynamodb.storage.ScanOrder;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Query and Scan, paged as DynamoDB pages: a page ends after {@code Limit} items were read (before
 * the filter) or about 1 MB of them, and then carries the last read item's key as
 * LastEvaluatedKey, even when no item is left (DynamoDB does not look ahead).
 */
final class ReadOperations {
  /** DynamoDB's most read per page. */
  private static final long PAGE_BYTES = 1024 * 1024;
  private static final int BATCH = 200;
  private static final Set<String> SELECT = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

  private final TableStore store;

  ReadOperations(TableStore store) {
    this.store = store;
  }

  /** What both read: filter, projection, select and limit. */
  private record Reading(String table, Condition filter, List<Path> projection, String select, Long limit, Map<String, AttributeValue> startKey,
      boolean consistent) {}

  private static Reading reading(Request r, ExpressionContext context, String indexName) {
    String table = r.tableName("TableName", "tableName");
    String select = r.enumValue("Select", "select", SELECT, "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    Long limit = r.min("Limit", "limit", 1);
    r.check();
    String filterText = r.string("FilterExpression");
    String projectionText = r.string("ProjectionExpression");
    Condition filter = filterText == null ? null : Parser.condition(filterText, "FilterExpression", context);
    List<Path> projection = projectionText == null ? null : Parser.projection(projectionText, context);
    JsonNode attributesToGet = r.array("AttributesToGet");
    if (attributesToGet != null) {
      if (projectionText != null) {
        throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
      }
      projection = new ArrayList<>();
      for (JsonNode a : attributesToGet) {
        projection.add(new Path(List.of(new Path.Name(a.asText()))));
      }
    }
    context.checkAllUsed();
    if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
      throw DynamoDbException.validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }
    if ("ALL_ATTRIBUTES".equals(select) && projection != null) {
      throw DynamoDbException.validation("Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
    }
    if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && indexName == null) {
      throw DynamoDbException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    Map<String, AttributeValue> start = ItemJson.item(r.object("ExclusiveStartKey"));
    return new Reading(table, filter, projection, select, limit, start, Boolean.TRUE.equals(r.bool("ConsistentRead")));
  }

  JsonNode query(Request r) {
    r.refuseLegacy("KeyConditions", "KeyConditionExpression");
    r.refuseLegacy("QueryFilter", "FilterExpression");
    r.refuseLegacy("ConditionalOperator", "FilterExpression");
    String keyText = r.string("KeyConditionExpression");
    String indexName = r.string("IndexName");
    ExpressionContext context = ExpressionContext.of(r.object("ExpressionAttributeNames"), r.object("ExpressionAttributeValues"), true,
        r.has("KeyConditionExpression") || r.has("FilterExpression") ? null : "KeyConditionExpression is null");
    Condition keyCondition = keyText == null ? null : Parser.condition(keyText, "KeyConditionExpression", context);
    Reading reading = reading(r, context, indexName);
    if (keyCondition == null) {
      throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    boolean forward = !Boolean.FALSE.equals(r.bool("ScanIndexForward"));
    return store.transaction(tx -> {
      TableDef table = ItemOperations.table(tx, reading.table());
      if (indexName != null) {
        throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
      }
      KeyCondition kc = KeyCondition.of(keyCondition, table);
      if (reading.filter() != null) {
        for (String attribute : Attributes.of(reading.filter())) {
          if (table.isKey(attribute)) {
            throw DynamoDbException.validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + attribute);
          }
        }
      }
      byte[] hash = Keys.bytes(kc.hash());
      byte[] after = null;
      if (reading.startKey() != null) {
        Map<String, AttributeValue> start = startKey(reading.startKey(), table);
        if (!start.get(table.hashKey().name()).equals(kc.hash())) {
          throw DynamoDbException.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        after = ItemOperations.rangeBytes(start, table);
      }
      Page page = new Page(reading, table);
      while (!page.full) {
        List<TableStore.Row> rows = tx.query(table.name(), hash, after, forward, BATCH);
        for (TableStore.Row row : rows) {
          AttributeValue range = table.rangeKey() == null ? null : row.item().get(table.rangeKey().name());
          if (range == null || kc.matchesRange(range)) {
            page.read(row.item());
            if (page.full) {
              break;
            }
          }
        }
        if (rows.size() < BATCH || table.rangeKey() == null) {
          break;
        }
        after = rows.get(rows.size() - 1).range();
      }
      return page.write(r);
    });
  }

  JsonNode scan(Request r) {
    r.refuseLegacy("ScanFilter", "FilterExpression");
    r.refuseLegacy("ConditionalOperator", "FilterExpression");
    String indexName = r.string("IndexName");
    Long segment = r.min("Segment", "segment", 0);
    Long total = r.min("TotalSegments", "totalSegments", 1);
    if (total != null && total > 1_000_000) {
      r.violation("Value '" + total + "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
    }
    ExpressionContext context = ExpressionContext.of(r.object("ExpressionAttributeNames"), r.object("ExpressionAttributeValues"),
        r.has("FilterExpression") || r.has("ProjectionExpression"), r.has("FilterExpression") ? null : "FilterExpression is null");
    Reading reading = reading(r, context, indexName);
    if (segment != null && total == null) {
      throw DynamoDbException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    }
    if (total != null && segment == null) {
      throw DynamoDbException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
    }
    if (segment != null && segment >= total) {
      throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
          + segment + " is not less than TotalSegments: " + total);
    }
    return store.transaction(tx -> {
      TableDef table = ItemOperations.table(tx, reading.table());
      if (indexName != null) {
        throw DynamoDbException.validation("The table does not have the specified index: " + indexName);
      }
      byte[] afterScan = null;
      byte[] afterRange = null;
      if (reading.startKey() != null) {
        Map<String, AttributeValue> start = startKey(reading.startKey(), table);
        afterScan = ScanOrder.of(Keys.bytes(start.get(table.hashKey().name())));
        afterRange = ItemOperations.rangeBytes(start, table);
      }
      Page page = new Page(reading, table);
      while (!page.full) {
        List<TableStore.Row> rows = tx.scan(table.name(), afterScan, afterRange, BATCH);
        for (TableStore.Row row : rows) {
          if (segment == null || segmentOf(row.scan(), total) == segment) {
            page.read(row.item());
            if (page.full) {
              break;
            }
          }
        }
        if (rows.size() < BATCH) {
          break;
        }
        TableStore.Row last = rows.get(rows.size() - 1);
        afterScan = last.scan();
        afterRange = last.range();
      }
      return page.write(r);
    });
  }

  /** Which of {@code total} segments an item's scan position falls in: the hash's leading 32 bits, split evenly. */
  private static long segmentOf(byte[] scan, long total) {
    long lead = ((scan[0] & 0xFFL) << 24) | ((scan[1] & 0xFFL) << 16) | ((scan[2] & 0xFFL) << 8) | (scan[3] & 0xFFL);
    return lead * total >>> 32;
  }

  private static Map<String, AttributeValue> startKey(Map<String, AttributeValue> key, TableDef table) {
    try {
      return Keys.check(key, table);
    } catch (DynamoDbException e) {
      throw DynamoDbException.validation("The provided starting key is invalid: " + e.getMessage());
    }
  }

  /** One page being read: what was read, what passed the filter, and where it stopped. */
  private static final class Page {
    private final Reading reading;
    private final TableDef table;
    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private int scanned;
    private long bytes;
    private Map<String, AttributeValue> last;
    boolean full;

    Page(Reading reading, TableDef table) {
      this.reading = reading;
      this.table = table;
    }

    void read(Map<String, AttributeValue> item) {
      scanned++;
      bytes += Values.itemBytes(item);
      last = item;
      if (reading.filter() == null || Evaluator.test(reading.filter(), item)) {
        items.add(reading.projection() == null ? item : Documents.project(item, reading.projection()));
      }
      if (reading.limit() != null && scanned >= reading.limit() || bytes >= PAGE_BYTES) {
        full = true;
      }
    }

    ObjectNode write(Request r) {
      ObjectNode out = Json.NODES.objectNode();
      if (!"COUNT".equals(reading.select())) {
        ArrayNode a = out.putArray("Items");
        items.forEach(i -> a.add(ItemJson.write(i)));
      }
      out.put("Count", items.size());
      out.put("ScannedCount", scanned);
      if (full && last != null) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        table.keys().forEach(k -> key.put(k.name(), last.get(k.name())));
        out.set("LastEvaluatedKey", ItemJson.write(key));
      }
      Capacity.add(out, r, table.name(), Capacity.read(bytes, reading.consistent()));
      return out;
    }
  }
}
