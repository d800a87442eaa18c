package io.stepwise.integrations.dynamodb.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An item's primary key: checked against its table's key schema, and encoded for storage in key order. */
public final class Keys {
  private static final byte[] NONE = new byte[0];

  private Keys() {}

  /**
   * The key of an item to write (PutItem): every key attribute present, of its type, not empty.
   *
   * @return the key attributes, hash key first
   */
  public static Map<String, AttributeValue> ofItem(Map<String, AttributeValue> item, TableDef table) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (TableDef.KeyAttribute k : table.keys()) {
      AttributeValue v = item.get(k.name());
      if (v == null) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Missing the key " + k.name() + " in the item");
      }
      if (!v.type().equals(k.type())) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for key " + k.name()
            + " expected: " + k.type() + " actual: " + v.type());
      }
      checkNotEmpty(k.name(), v);
      key.put(k.name(), v);
    }
    return key;
  }

  /**
   * A key given on its own (GetItem, DeleteItem, UpdateItem, ExclusiveStartKey): exactly the key
   * attributes, of their types.
   */
  public static Map<String, AttributeValue> check(Map<String, AttributeValue> key, TableDef table) {
    if (key == null || key.size() != table.keys().size()) {
      throw DynamoDbException.validation("The provided key element does not match the schema");
    }
    Map<String, AttributeValue> ordered = new LinkedHashMap<>();
    for (TableDef.KeyAttribute k : table.keys()) {
      AttributeValue v = key.get(k.name());
      if (v == null || !v.type().equals(k.type())) {
        throw DynamoDbException.validation("The provided key element does not match the schema");
      }
      checkNotEmpty(k.name(), v);
      ordered.put(k.name(), v);
    }
    return ordered;
  }

  private static void checkNotEmpty(String name, AttributeValue v) {
    if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: " + name);
    }
    if (v instanceof AttributeValue.B b && b.value().length == 0) {
      throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: " + name);
    }
  }

  /** Bytes whose unsigned order is the key value's order in DynamoDB (S by UTF-8 bytes, N numerically, B by bytes). */
  public static byte[] bytes(AttributeValue v) {
    return switch (v) {
      case null -> NONE;
      case AttributeValue.S s -> s.value().getBytes(StandardCharsets.UTF_8);
      case AttributeValue.N n -> Numbers.orderedBytes(n.value());
      case AttributeValue.B b -> b.value();
      default -> throw new IllegalArgumentException("not a key type: " + v.type());
    };
  }
}
