package io.stepwise.integrations.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/** A local DynamoDB for tests, called with JSON text. */
public final class Ddb implements AutoCloseable {
  public final LocalDynamoDb dynamodb;

  public Ddb(Path dataDir) {
    dynamodb = new LocalDynamoDb(TableStore.open(dataDir), InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z")), "us-east-1",
        "123456789012");
  }

  public static JsonNode json(String text) {
    try {
      return Json.parse(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  public JsonNode call(String operation, String input) {
    return dynamodb.call(operation, json(input));
  }

  /** The error an operation answers. */
  public DynamoDbException error(String operation, String input) {
    DynamoDbException e = catchThrowableOfType(DynamoDbException.class, () -> call(operation, input));
    assertThat(e).as(operation + " " + input + " fails").isNotNull();
    return e;
  }

  public void table(String name, String hashType, String rangeType) {
    String defs = "{\"AttributeName\":\"pk\",\"AttributeType\":\"" + hashType + "\"}"
        + (rangeType == null ? "" : ",{\"AttributeName\":\"sk\",\"AttributeType\":\"" + rangeType + "\"}");
    String keys = "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}" + (rangeType == null ? "" : ",{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}");
    call("CreateTable", "{\"TableName\":\"" + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[" + defs
        + "],\"KeySchema\":[" + keys + "]}");
  }

  @Override
  public void close() {
    dynamodb.close();
  }
}
