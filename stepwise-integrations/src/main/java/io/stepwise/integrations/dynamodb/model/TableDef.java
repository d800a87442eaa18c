package io.stepwise.integrations.dynamodb.model;

import java.time.Instant;
import java.util.List;

/**
 * A table as CreateTable made it: its key (a hash key and an optional range key, each S, N or B),
 * the attribute definitions, billing, and what DescribeTable reports of it.
 *
 * @param rangeKey null for a table with a hash key only
 * @param readCapacity with {@code writeCapacity}: the provisioned throughput; 0 for PAY_PER_REQUEST
 */
public record TableDef(String name, KeyAttribute hashKey, KeyAttribute rangeKey, List<KeyAttribute> attributeDefinitions,
    String billingMode, long readCapacity, long writeCapacity, Instant created, String tableId, String arn) {

  /** A key attribute (or an attribute definition): its name and scalar type. */
  public record KeyAttribute(String name, String type) {}

  public boolean isKey(String attribute) {
    return hashKey.name().equals(attribute) || rangeKey != null && rangeKey.name().equals(attribute);
  }

  public List<KeyAttribute> keys() {
    return rangeKey == null ? List.of(hashKey) : List.of(hashKey, rangeKey);
  }
}
