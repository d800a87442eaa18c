package io.stepwise.integrations.dynamodb;

import static io.stepwise.integrations.dynamodb.Ddb.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TransactWriteItems is all or nothing, with a reason per item; batches read and write several tables. */
class TransactionsAndBatchesTest {
  Ddb ddb;

  @BeforeEach
  void open() {
    ddb = new Ddb(null);
    ddb.table("Stock", "S", null);
    ddb.table("Orders", "S", null);
    ddb.call("PutItem", "{\"TableName\": \"Stock\", \"Item\": {\"pk\": {\"S\": \"sku\"}, \"qty\": {\"N\": \"1\"}}}");
  }

  @AfterEach
  void close() {
    ddb.close();
  }

  private static final String ORDER = """
      {"TransactItems": [
        {"Update": {"TableName": "Stock", "Key": {"pk": {"S": "sku"}}, "UpdateExpression": "SET qty = qty - :one",
                    "ConditionExpression": "qty >= :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}},
        {"Put": {"TableName": "Orders", "Item": {"pk": {"S": "%s"}}, "ConditionExpression": "attribute_not_exists(pk)"}}]}""";

  @Test
  void aTransactionWritesEverythingOrNothing() {
    assertThat(ddb.call("TransactWriteItems", ORDER.formatted("o-1"))).isEqualTo(json("{}"));
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Stock\", \"Key\": {\"pk\": {\"S\": \"sku\"}}}").at("/Item/qty/N").asText()).isEqualTo("0");
    DynamoDbException e = ddb.error("TransactWriteItems", ORDER.formatted("o-2"));
    assertThat(e.type()).isEqualTo("com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
    assertThat(e.getMessage()).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");
    assertThat(e.members().get("CancellationReasons")).isEqualTo(json(
        "[{\"Code\": \"ConditionalCheckFailed\", \"Message\": \"The conditional request failed\"}, {\"Code\": \"None\"}]"));
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Orders\", \"Key\": {\"pk\": {\"S\": \"o-2\"}}}")).as("the put was not made").isEqualTo(json("{}"));
    assertThat(ddb.error("TransactWriteItems", """
        {"TransactItems": [{"Delete": {"TableName": "Stock", "Key": {"pk": {"S": "sku"}}}},
                           {"ConditionCheck": {"TableName": "Stock", "Key": {"pk": {"S": "sku"}}, "ConditionExpression": "attribute_exists(pk)"}}]}""")
        .getMessage()).isEqualTo("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void batchesWriteAndReadSeveralTables() {
    assertThat(ddb.call("BatchWriteItem", """
        {"RequestItems": {"Orders": [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}, {"PutRequest": {"Item": {"pk": {"S": "b"}}}}],
                          "Stock": [{"DeleteRequest": {"Key": {"pk": {"S": "sku"}}}}]}}""")).isEqualTo(json("{\"UnprocessedItems\": {}}"));
    assertThat(ddb.call("BatchGetItem", """
        {"RequestItems": {"Orders": {"Keys": [{"pk": {"S": "a"}}, {"pk": {"S": "zz"}}]}, "Stock": {"Keys": [{"pk": {"S": "sku"}}]}}}"""))
        .isEqualTo(json("{\"Responses\": {\"Orders\": [{\"pk\": {\"S\": \"a\"}}], \"Stock\": []}, \"UnprocessedKeys\": {}}"));
    assertThat(ddb.error("BatchWriteItem", """
        {"RequestItems": {"Orders": [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}, {"DeleteRequest": {"Key": {"pk": {"S": "a"}}}}]}}""")
        .getMessage()).isEqualTo("Provided list of item keys contains duplicates");
  }
}
