package io.stepwise.server.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepwise.integrations.dynamodb.api.DynamoDbApi;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import io.stepwise.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** DynamoDB's JSON API on the Stepwise port, driven by the AWS SDK for Java v2's DynamoDbClient as users write it. */
class DynamoDbApiTest {
  @TempDir Path data;
  TestServer server;
  DynamoDbClient ddb;
  LocalDynamoDb local;

  @BeforeEach
  void start() {
    local = new LocalDynamoDb(TableStore.open(data), java.time.InstantSource.system(), "us-east-1", "123456789012");
    server = new TestServer(b -> b.api(new DynamoDbApi(local)));
    ddb = DynamoDbClient.builder().endpointOverride(server.server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    ddb.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(d -> d.attributeName("customer").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("seq").attributeType(ScalarAttributeType.N))
        .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH), k -> k.attributeName("seq").keyType(KeyType.RANGE)));
  }

  @AfterEach
  void stop() {
    ddb.close();
    server.close();
    local.close();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  @Test
  void tablesAreCreatedDescribedListedAndDeleted() {
    var table = ddb.describeTable(b -> b.tableName("Orders")).table();
    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Orders");
    assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("customer", "seq");
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(ddb.listTables().tableNames()).containsExactly("Orders");
    assertThatThrownBy(() -> ddb.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(d -> d.attributeName("k").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH))))
        .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: Orders");
    assertThat(ddb.deleteTable(b -> b.tableName("Orders")).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    ResourceNotFoundException gone = catchThrowableOfType(ResourceNotFoundException.class, () -> ddb.describeTable(b -> b.tableName("Orders")));
    assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found: Table: Orders not found");
  }

  @Test
  void itemsRoundTripEveryTypeThroughTheSdk() {
    Map<String, AttributeValue> item = Map.of("customer", s("c-1"), "seq", n("1"), "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
        "flags", AttributeValue.fromBool(true), "none", AttributeValue.fromNul(true), "tags", AttributeValue.fromSs(List.of("a", "b")),
        "amounts", AttributeValue.fromNs(List.of("1.5", "2")), "doc", AttributeValue.fromM(Map.of("lines", AttributeValue.fromL(List.of(n("3"))))));
    ddb.putItem(b -> b.tableName("Orders").item(item));
    var got = ddb.getItem(b -> b.tableName("Orders").key(Map.of("customer", s("c-1"), "seq", n("1"))).consistentRead(true)).item();
    assertThat(got.get("blob").b().asUtf8String()).isEqualTo("hi");
    assertThat(got.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
    assertThat(got.get("doc").m().get("lines").l().get(0).n()).isEqualTo("3");
    assertThat(got).hasSize(item.size());
  }

  @Test
  void conditionsFailWithTheModelledExceptionAndTheOldItem() {
    ddb.putItem(b -> b.tableName("Orders").item(Map.of("customer", s("c-1"), "seq", n("1"), "state", s("open"))));
    ConditionalCheckFailedException e = catchThrowableOfType(ConditionalCheckFailedException.class, () -> ddb.putItem(b -> b.tableName("Orders")
        .item(Map.of("customer", s("c-1"), "seq", n("1"))).conditionExpression("attribute_not_exists(customer)")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
    assertThat(e.item()).containsEntry("state", s("open"));
    var updated = ddb.updateItem(b -> b.tableName("Orders").key(Map.of("customer", s("c-1"), "seq", n("1")))
        .updateExpression("SET #s = :shipped, shippedCount = if_not_exists(shippedCount, :zero) + :one")
        .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
        .expressionAttributeValues(Map.of(":shipped", s("shipped"), ":open", s("open"), ":zero", n("0"), ":one", n("1")))
        .returnValues(ReturnValue.ALL_NEW));
    assertThat(updated.attributes()).containsEntry("state", s("shipped")).containsEntry("shippedCount", n("1"));
    DynamoDbException invalid = catchThrowableOfType(DynamoDbException.class, () -> ddb.updateItem(b -> b.tableName("Orders")
        .key(Map.of("customer", s("c-1"), "seq", n("1"))).updateExpression("SET a = :unset")));
    assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(invalid.awsErrorDetails().errorMessage())
        .isEqualTo("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :unset");
  }

  @Test
  void transactionsCancelWithTheirReasons() {
    ddb.putItem(b -> b.tableName("Orders").item(Map.of("customer", s("c-1"), "seq", n("1"))));
    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () -> ddb.transactWriteItems(b -> b.transactItems(
        t -> t.put(p -> p.tableName("Orders").item(Map.of("customer", s("c-1"), "seq", n("2")))),
        t -> t.conditionCheck(c -> c.tableName("Orders").key(Map.of("customer", s("c-1"), "seq", n("1")))
            .conditionExpression("attribute_not_exists(customer)")))));
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
    assertThat(ddb.getItem(b -> b.tableName("Orders").key(Map.of("customer", s("c-1"), "seq", n("2")))).hasItem()).isFalse();
    var got = ddb.transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName("Orders").key(Map.of("customer", s("c-1"), "seq", n("1"))))));
    assertThat(got.responses().get(0).item()).containsEntry("customer", s("c-1"));
  }

  @Test
  void theSdksPaginatorsWalkQueriesAndScansPageByPage() {
    List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Map<String, AttributeValue> item = Map.of("customer", s(i % 2 == 0 ? "even" : "odd"), "seq", n(Integer.toString(i)));
      writes.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    assertThat(ddb.batchWriteItem(b -> b.requestItems(Map.of("Orders", writes))).unprocessedItems()).isEmpty();
    List<String> evens = new ArrayList<>();
    ddb.queryPaginator(b -> b.tableName("Orders").keyConditionExpression("customer = :c AND seq >= :from")
            .expressionAttributeValues(Map.of(":c", s("even"), ":from", n("10"))).limit(2).scanIndexForward(false))
        .items().forEach(i -> evens.add(i.get("seq").n()));
    assertThat(evens).containsExactly("24", "22", "20", "18", "16", "14", "12", "10");
    assertThat(ddb.scanPaginator(b -> b.tableName("Orders").limit(4)).items().stream().count()).isEqualTo(25);
    var batch = ddb.batchGetItem(b -> b.requestItems(Map.of("Orders", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
        .keys(Map.of("customer", s("odd"), "seq", n("3")), Map.of("customer", s("odd"), "seq", n("4"))).build())));
    assertThat(batch.responses().get("Orders")).hasSize(1);
  }
}
