package io.stepwise.integrations.dynamodb;

import static io.stepwise.integrations.dynamodb.Ddb.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PutItem, GetItem, UpdateItem and DeleteItem on the local DynamoDB, with conditions and ReturnValues. */
class ItemOperationsTest {
  Ddb ddb;

  @BeforeEach
  void open() {
    ddb = new Ddb(null);
    ddb.table("Inventory", "S", null);
  }

  @AfterEach
  void close() {
    ddb.close();
  }

  @Test
  void anItemComesBackWithEveryTypeAndNumbersAsDynamoDbWritesThem() {
    ddb.call("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "sku-1"}, "n": {"N": "01.50"}, "e": {"N": "-2.5e3"}, "z": {"N": "-0"},
         "b": {"B": "AQID"}, "t": {"BOOL": true}, "nil": {"NULL": true}, "m": {"M": {"x": {"L": [{"S": "a"}, {"N": "1e2"}]}}},
         "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.50"]}, "bs": {"BS": ["AQ=="]}}}""");
    JsonNode item = ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"sku-1\"}}}").get("Item");
    assertThat(item).isEqualTo(json("""
        {"pk": {"S": "sku-1"}, "n": {"N": "1.5"}, "e": {"N": "-2500"}, "z": {"N": "0"}, "b": {"B": "AQID"}, "t": {"BOOL": true},
         "nil": {"NULL": true}, "m": {"M": {"x": {"L": [{"S": "a"}, {"N": "100"}]}}}, "ss": {"SS": ["a", "b"]},
         "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AQ=="]}}"""));
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"none\"}}}")).isEqualTo(json("{}"));
  }

  @Test
  void badValuesAndKeysAreRefusedInDynamoDbsWords() {
    assertThat(ddb.error("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"x\": {\"SS\": []}}}").getMessage())
        .isEqualTo("One or more parameter values were invalid: An string set  may not be empty");
    assertThat(ddb.error("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"N\": \"1\"}}}").getMessage())
        .isEqualTo("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
    assertThat(ddb.error("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"x\": {\"S\": \"a\"}}}").getMessage())
        .isEqualTo("One or more parameter values were invalid: Missing the key pk in the item");
    assertThat(ddb.error("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"x\": {\"N\": \"1e126\"}}}").getMessage())
        .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    assertThat(ddb.error("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}, \"x\": {\"S\": \"b\"}}}").getMessage())
        .isEqualTo("The provided key element does not match the schema");
    DynamoDbException missing = ddb.error("PutItem", "{\"TableName\": \"Nope\", \"Item\": {\"pk\": {\"S\": \"a\"}}}");
    assertThat(missing.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
    assertThat(missing.getMessage()).isEqualTo("Requested resource not found");
    DynamoDbException shortName = ddb.error("GetItem", "{\"TableName\": \"ab\"}");
    assertThat(shortName.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(shortName.getMessage()).isEqualTo("2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
        + "Member must have length greater than or equal to 3; Value null at 'key' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void aConditionThatFailsWritesNothingAndCanReturnTheItem() {
    ddb.call("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"5\"}}}");
    DynamoDbException e = ddb.error("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "a"}, "qty": {"N": "0"}}, "ConditionExpression": "attribute_not_exists(pk)",
         "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}""");
    assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException");
    assertThat(e.getMessage()).isEqualTo("The conditional request failed");
    assertThat(e.members().get("Item")).isEqualTo(json("{\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"5\"}}"));
    JsonNode old = ddb.call("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "a"}, "qty": {"N": "4"}}, "ConditionExpression": "qty >= :min",
         "ExpressionAttributeValues": {":min": {"N": "5"}}, "ReturnValues": "ALL_OLD"}""");
    assertThat(old.get("Attributes")).isEqualTo(json("{\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"5\"}}"));
  }

  @Test
  void updatesComputeFromTheItemAsItWasAndReturnWhatWasAsked() {
    ddb.call("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "a"}, "qty": {"N": "5"}, "tags": {"SS": ["x", "y"]},
         "l": {"L": [{"N": "0"}, {"N": "1"}, {"N": "2"}, {"N": "3"}]}, "m": {"M": {"in": {"S": "old"}}}}}""");
    JsonNode updated = ddb.call("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}},
         "UpdateExpression": "SET qty = qty - :one, #m.#in = :new, copied = qty, initial = if_not_exists(initial, :new) REMOVE l[1], l[3] ADD tags :z, seen :one",
         "ExpressionAttributeNames": {"#m": "m", "#in": "in"},
         "ExpressionAttributeValues": {":one": {"N": "1"}, ":new": {"S": "new"}, ":z": {"SS": ["z"]}},
         "ReturnValues": "UPDATED_NEW"}""");
    assertThat(updated.get("Attributes")).isEqualTo(json("""
        {"qty": {"N": "4"}, "m": {"M": {"in": {"S": "new"}}}, "copied": {"N": "5"}, "initial": {"S": "new"},
         "l": {"L": [{"N": "2"}]}, "tags": {"SS": ["x", "y", "z"]}, "seen": {"N": "1"}}"""));
    JsonNode item = ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}}}").get("Item");
    assertThat(item.get("l")).as("both indexes name the elements they named before").isEqualTo(json("{\"L\": [{\"N\": \"0\"}, {\"N\": \"2\"}]}"));
    JsonNode old = ddb.call("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET l = list_append(:front, l) DELETE tags :x",
         "ExpressionAttributeValues": {":front": {"L": [{"S": "f"}]}, ":x": {"SS": ["x"]}}, "ReturnValues": "UPDATED_OLD"}""");
    assertThat(old.get("Attributes")).isEqualTo(json("{\"l\": {\"L\": [{\"N\": \"0\"}, {\"N\": \"2\"}]}, \"tags\": {\"SS\": [\"x\", \"y\", \"z\"]}}"));
    JsonNode created = ddb.call("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "b"}}, "UpdateExpression": "ADD qty :one",
         "ExpressionAttributeValues": {":one": {"N": "1"}}, "ReturnValues": "ALL_NEW"}""");
    assertThat(created.get("Attributes")).isEqualTo(json("{\"pk\": {\"S\": \"b\"}, \"qty\": {\"N\": \"1\"}}"));
  }

  @Test
  void updatesDynamoDbRefuses() {
    ddb.call("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"s\": {\"S\": \"text\"}}}");
    assertThat(ddb.error("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET s = s + :one",
         "ExpressionAttributeValues": {":one": {"N": "1"}}}""").getMessage())
        .isEqualTo("An operand in the update expression has an incorrect data type");
    assertThat(ddb.error("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET pk = :v", "ExpressionAttributeValues": {":v": {"S": "b"}}}""")
        .getMessage()).isEqualTo("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    assertThat(ddb.error("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET a = :v, a.b = :v", "ExpressionAttributeValues": {":v": {"S": "b"}}}""")
        .getMessage()).isEqualTo("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: [a], path two: [a, b]");
    assertThat(ddb.error("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET nope.deep = :v", "ExpressionAttributeValues": {":v": {"S": "b"}}}""")
        .getMessage()).isEqualTo("The document path provided in the update expression is invalid for update");
    assertThat(ddb.error("UpdateItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "UpdateExpression": "ADD s :v", "ExpressionAttributeValues": {":v": {"S": "b"}}}""")
        .getMessage()).isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
  }

  @Test
  void deleteReturnsTheOldItemAndHonoursItsCondition() {
    ddb.call("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"0\"}}}");
    assertThat(ddb.error("DeleteItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "ConditionExpression": "qty > :z", "ExpressionAttributeValues": {":z": {"N": "0"}}}""")
        .code()).isEqualTo("ConditionalCheckFailedException");
    assertThat(ddb.call("DeleteItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}}, \"ReturnValues\": \"ALL_OLD\"}").get("Attributes"))
        .isEqualTo(json("{\"pk\": {\"S\": \"a\"}, \"qty\": {\"N\": \"0\"}}"));
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}}}")).isEqualTo(json("{}"));
    assertThat(ddb.error("DeleteItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"a\"}}, \"ReturnValues\": \"ALL_NEW\"}").getMessage())
        .isEqualTo("ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void projectionsPickNestedPaths() {
    ddb.call("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "a"}, "m": {"M": {"x": {"N": "1"}, "y": {"N": "2"}}},
         "l": {"L": [{"S": "l0"}, {"S": "l1"}, {"S": "l2"}]}, "other": {"S": "o"}}}""");
    JsonNode got = ddb.call("GetItem", """
        {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "ProjectionExpression": "m.y, l[2], l[0], #o, absent",
         "ExpressionAttributeNames": {"#o": "other"}}""");
    assertThat(got.get("Item")).isEqualTo(json("{\"m\": {\"M\": {\"y\": {\"N\": \"2\"}}}, \"l\": {\"L\": [{\"S\": \"l0\"}, {\"S\": \"l2\"}]}, \"other\": {\"S\": \"o\"}}"));
  }
}
