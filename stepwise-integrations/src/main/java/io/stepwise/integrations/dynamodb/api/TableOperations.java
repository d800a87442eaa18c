package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.TableDef;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** CreateTable, DescribeTable, ListTables and DeleteTable. A local table is ACTIVE as soon as it is made. */
final class TableOperations {
  private final TableStore store;
  private final InstantSource clock;
  private final String region;
  private final String account;

  TableOperations(TableStore store, InstantSource clock, String region, String account) {
    this.store = store;
    this.clock = clock;
    this.region = region;
    this.account = account;
  }

  JsonNode create(Request r) {
    String name = r.tableName("TableName", "tableName");
    r.required("AttributeDefinitions", "attributeDefinitions");
    r.required("KeySchema", "keySchema");
    String billing = r.enumValue("BillingMode", "billingMode", Set.of("PROVISIONED", "PAY_PER_REQUEST"), "[PROVISIONED, PAY_PER_REQUEST]");
    JsonNode defsNode = r.array("AttributeDefinitions");
    JsonNode schemaNode = r.array("KeySchema");
    List<TableDef.KeyAttribute> defs = new ArrayList<>();
    if (defsNode != null) {
      int i = 1;
      for (JsonNode d : defsNode) {
        Request dr = new Request(d);
        String attr = dr.string("AttributeName");
        String type = dr.string("AttributeType");
        if (attr == null) {
          r.violation("Value null at 'attributeDefinitions." + i + ".member.attributeName' failed to satisfy constraint: Member must not be null");
        }
        if (type == null) {
          r.violation("Value null at 'attributeDefinitions." + i + ".member.attributeType' failed to satisfy constraint: Member must not be null");
        } else if (!Set.of("S", "N", "B").contains(type)) {
          r.violation("Value '" + type + "' at 'attributeDefinitions." + i + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        }
        defs.add(new TableDef.KeyAttribute(attr, type));
        i++;
      }
    }
    List<String[]> schema = new ArrayList<>();
    if (schemaNode != null) {
      int i = 1;
      if (schemaNode.size() < 1 || schemaNode.size() > 2) {
        r.violation("Value '" + schemaNode + "' at 'keySchema' failed to satisfy constraint: Member must have length "
            + (schemaNode.size() < 1 ? "greater than or equal to 1" : "less than or equal to 2"));
      }
      for (JsonNode k : schemaNode) {
        Request kr = new Request(k);
        String attr = kr.string("AttributeName");
        String type = kr.string("KeyType");
        if (attr == null) {
          r.violation("Value null at 'keySchema." + i + ".member.attributeName' failed to satisfy constraint: Member must not be null");
        }
        if (type == null) {
          r.violation("Value null at 'keySchema." + i + ".member.keyType' failed to satisfy constraint: Member must not be null");
        } else if (!Set.of("HASH", "RANGE").contains(type)) {
          r.violation("Value '" + type + "' at 'keySchema." + i + ".member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]");
        }
        schema.add(new String[] {attr, type});
        i++;
      }
    }
    r.check();
    for (String indexes : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
      if (r.has(indexes)) {
        throw DynamoDbException.validation("Stepwise's local DynamoDB does not support secondary indexes yet (" + indexes + ")");
      }
    }
    JsonNode throughput = r.object("ProvisionedThroughput");
    long read = 0;
    long write = 0;
    if (billing == null || billing.equals("PROVISIONED")) {
      Request t = new Request(throughput);
      Long rc = throughput == null ? null : t.number("ReadCapacityUnits");
      Long wc = throughput == null ? null : t.number("WriteCapacityUnits");
      if (rc == null || wc == null) {
        throw DynamoDbException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
      }
      if (rc < 1 || wc < 1) {
        throw DynamoDbException.validation("1 validation error detected: Value '" + Math.min(rc, wc) + "' at 'provisionedThroughput."
            + (rc < 1 ? "readCapacityUnits" : "writeCapacityUnits") + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
      }
      read = rc;
      write = wc;
    } else if (throughput != null) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
    String[] first = schema.get(0);
    if (!first[1].equals("HASH")) {
      throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (schema.size() == 2 && !schema.get(1)[1].equals("RANGE")) {
      throw DynamoDbException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    if (schema.size() == 2 && first[0].equals(schema.get(1)[0])) {
      throw DynamoDbException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    Set<String> defined = new LinkedHashSet<>();
    for (TableDef.KeyAttribute d : defs) {
      if (!defined.add(d.name())) {
        throw DynamoDbException.validation("Cannot have two attributes with the same name; attribute name: " + d.name());
      }
    }
    List<String> missing = schema.stream().map(k -> k[0]).filter(k -> !defined.contains(k)).toList();
    if (!missing.isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: "
          + missing + ", AttributeDefinitions: " + new ArrayList<>(defined));
    }
    if (defs.size() != schema.size()) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }
    TableDef.KeyAttribute hash = defs.stream().filter(d -> d.name().equals(first[0])).findFirst().orElseThrow();
    TableDef.KeyAttribute range = schema.size() == 2
        ? defs.stream().filter(d -> d.name().equals(schema.get(1)[0])).findFirst().orElseThrow() : null;
    TableDef table = new TableDef(name, hash, range, List.copyOf(defs), billing == null ? "PROVISIONED" : billing, read, write,
        clock.instant().truncatedTo(ChronoUnit.MILLIS), UUID.randomUUID().toString(),
        "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
    store.transaction(tx -> {
      if (tx.table(name) != null) {
        throw DynamoDbException.resourceInUse("Table already exists: " + name);
      }
      tx.createTable(table);
      return null;
    });
    ObjectNode out = Json.NODES.objectNode();
    out.set("TableDescription", description(table, "ACTIVE", 0, 0));
    return out;
  }

  JsonNode describe(Request r) {
    String name = r.tableName("TableName", "tableName");
    r.check();
    return store.transaction(tx -> {
      TableDef t = tx.table(name);
      if (t == null) {
        throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
      }
      long[] counts = tx.counts(name);
      ObjectNode out = Json.NODES.objectNode();
      out.set("Table", description(t, "ACTIVE", counts[0], counts[1]));
      return out;
    });
  }

  JsonNode list(Request r) {
    String start = r.string("ExclusiveStartTableName");
    if (start != null) {
      r.tableName("ExclusiveStartTableName", "exclusiveStartTableName");
    }
    Long limit = r.min("Limit", "limit", 1);
    if (limit != null && limit > 100) {
      r.violation("Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
    r.check();
    int max = limit == null ? 100 : limit.intValue();
    List<String> names = store.transaction(TableStore.Tx::tableNames);
    List<String> page = names.stream().filter(n -> start == null || n.compareTo(start) > 0).limit(max + 1L).toList();
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode a = out.putArray("TableNames");
    page.stream().limit(max).forEach(a::add);
    if (page.size() > max) {
      out.put("LastEvaluatedTableName", page.get(max - 1));
    }
    return out;
  }

  JsonNode delete(Request r) {
    String name = r.tableName("TableName", "tableName");
    r.check();
    return store.transaction(tx -> {
      TableDef t = tx.table(name);
      if (t == null) {
        throw DynamoDbException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
      }
      long[] counts = tx.counts(name);
      tx.deleteTable(name);
      ObjectNode out = Json.NODES.objectNode();
      out.set("TableDescription", description(t, "DELETING", counts[0], counts[1]));
      return out;
    });
  }

  /** A TableDescription as DescribeTable writes it. */
  static ObjectNode description(TableDef t, String status, long itemCount, long bytes) {
    ObjectNode d = Json.NODES.objectNode();
    ArrayNode defs = d.putArray("AttributeDefinitions");
    t.attributeDefinitions().forEach(a -> defs.addObject().put("AttributeName", a.name()).put("AttributeType", a.type()));
    d.put("TableName", t.name());
    ArrayNode schema = d.putArray("KeySchema");
    schema.addObject().put("AttributeName", t.hashKey().name()).put("KeyType", "HASH");
    if (t.rangeKey() != null) {
      schema.addObject().put("AttributeName", t.rangeKey().name()).put("KeyType", "RANGE");
    }
    d.put("TableStatus", status);
    d.put("CreationDateTime", seconds(t.created().toEpochMilli()));
    d.putObject("ProvisionedThroughput").put("NumberOfDecreasesToday", 0)
        .put("ReadCapacityUnits", t.readCapacity()).put("WriteCapacityUnits", t.writeCapacity());
    d.put("TableSizeBytes", bytes);
    d.put("ItemCount", itemCount);
    d.put("TableArn", t.arn());
    d.put("TableId", t.tableId());
    if (t.billingMode().equals("PAY_PER_REQUEST")) {
      d.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
          .put("LastUpdateToPayPerRequestDateTime", seconds(t.created().toEpochMilli()));
    }
    d.put("DeletionProtectionEnabled", false);
    return d;
  }

  /** Epoch seconds with milliseconds, as the JSON protocol writes timestamps. */
  private static BigDecimal seconds(long millis) {
    return BigDecimal.valueOf(millis, 3);
  }
}
