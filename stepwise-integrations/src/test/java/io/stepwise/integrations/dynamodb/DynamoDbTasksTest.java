package io.stepwise.integrations.dynamodb;

import static io.stepwise.integrations.dynamodb.Ddb.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.dynamodb.tasks.DynamoDbTasks;
import io.stepwise.integrations.dynamodb.tasks.LocalBackend;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Task integrations through the engine, on the local stand-in: results and errors as Step Functions hands them over. */
class DynamoDbTasksTest {
  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T10:00:00Z"));
  Ddb ddb;
  Engine engine;

  @BeforeEach
  void open() {
    ddb = new Ddb(null);
    ddb.table("Inventory", "S", null);
    engine = Engine.builder().fastTime(true).handler(new DynamoDbTasks(new LocalBackend(ddb.dynamodb, CLOCK))).build();
  }

  @AfterEach
  void close() {
    ddb.close();
  }

  private ExecutionResult run(String resource, String parameters) {
    return engine.run(StateMachineParser.parse("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource
        + "\",\"Parameters\":" + parameters + ",\"End\":true}}}"), "{\"sku\": \"sku-1\"}", RunOptions.defaults().withNames("Machine", "run-1"));
  }

  @Test
  void theOptimizedGetItemReturnsTheItemWithTheHttpMetadataOfDynamoDbsAnswer() {
    ddb.call("PutItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"sku-1\"}, \"qty\": {\"N\": \"7\"}}}");
    ExecutionResult r = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S.$\": \"$.sku\"}}}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = r.output();
    assertThat(out.fieldNames()).toIterable().containsExactly("Item", "SdkHttpMetadata", "SdkResponseMetadata");
    assertThat(out.get("Item")).isEqualTo(json("{\"pk\": {\"S\": \"sku-1\"}, \"qty\": {\"N\": \"7\"}}"));
    String body = "{\"Item\":{\"pk\":{\"S\":\"sku-1\"},\"qty\":{\"N\":\"7\"}}}";
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    JsonNode http = out.get("SdkHttpMetadata");
    assertThat(http.get("AllHttpHeaders").fieldNames()).toIterable()
        .containsExactly("Server", "Connection", "x-amzn-RequestId", "x-amz-crc32", "Content-Length", "Date", "Content-Type");
    assertThat(http.get("HttpHeaders").fieldNames()).toIterable()
        .containsExactly("Connection", "Content-Length", "Content-Type", "Date", "Server", "x-amz-crc32", "x-amzn-RequestId");
    assertThat(http.at("/HttpHeaders/Content-Length").asText()).isEqualTo(Integer.toString(body.length()));
    assertThat(http.at("/AllHttpHeaders/Content-Length")).isEqualTo(json("[\"" + body.length() + "\"]"));
    assertThat(http.at("/HttpHeaders/x-amz-crc32").asText()).isEqualTo(Long.toString(crc.getValue()));
    assertThat(http.at("/HttpHeaders/Date").asText()).isEqualTo("Sun, 01 Mar 2026 10:00:00 GMT");
    assertThat(http.get("HttpStatusCode").asInt()).isEqualTo(200);
    String requestId = out.at("/SdkResponseMetadata/RequestId").asText();
    assertThat(requestId).matches("[A-Z0-9]{52}");
    assertThat(http.at("/HttpHeaders/x-amzn-RequestId").asText()).isEqualTo(requestId);
  }

  @Test
  void theOptimizedPutItemAnswersNoBodyButTheMetadataAndWrites() {
    ExecutionResult r = run("arn:aws:states:::dynamodb:putItem", "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S.$\": \"$.sku\"}}}");
    assertThat(r.output().fieldNames()).toIterable().containsExactly("SdkHttpMetadata", "SdkResponseMetadata");
    assertThat(r.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText()).isEqualTo("2");
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"sku-1\"}}}").has("Item")).isTrue();
  }

  @Test
  void errorsAreNamedAsEachKindOfIntegrationNamesThem() {
    String put = "{\"TableName\": \"Inventory\", \"Item\": {\"pk\": {\"S\": \"sku-1\"}}, \"ConditionExpression\": \"attribute_exists(pk)\"}";
    ExecutionResult optimized = run("arn:aws:states:::dynamodb:putItem", put);
    assertThat(optimized.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(optimized.cause()).matches("The conditional request failed \\(Service: AmazonDynamoDBv2; Status Code: 400; "
        + "Error Code: ConditionalCheckFailedException; Request ID: [A-Z0-9]{52}; Proxy: null\\)");
    ExecutionResult sdk = run("arn:aws:states:::aws-sdk:dynamodb:putItem", put);
    assertThat(sdk.error()).isEqualTo("DynamoDb.ConditionalCheckFailedException");
    assertThat(sdk.cause()).matches("The conditional request failed \\(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\\)");
    ExecutionResult missing = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\": \"Nope\", \"Key\": {\"pk\": {\"S\": \"a\"}}}");
    assertThat(missing.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
    assertThat(missing.cause()).startsWith("Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException;");
    ExecutionResult invalid = run("arn:aws:states:::dynamodb:putItem", "{\"TableName\": \"Inventory\"}");
    assertThat(invalid.error()).as("not a modelled exception: the SDK's own").isEqualTo("DynamoDB.AmazonDynamoDBException");
    assertThat(invalid.cause()).startsWith("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null "
        + "(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException;");
    assertThat(run("arn:aws:states:::aws-sdk:dynamodb:putItem", "{\"TableName\": \"Inventory\"}").error()).isEqualTo("DynamoDb.DynamoDbException");
  }

  @Test
  void sdkIntegrationsReturnTheResponseMembersWithTheSdksNamesForSetsBooleansAndNulls() {
    ddb.call("PutItem", """
        {"TableName": "Inventory", "Item": {"pk": {"S": "sku-1"}, "tags": {"SS": ["a"]}, "on": {"BOOL": true}, "none": {"NULL": true},
         "m": {"M": {"ns": {"NS": ["1"]}}}}}""");
    ExecutionResult q = run("arn:aws:states:::aws-sdk:dynamodb:query", """
        {"TableName": "Inventory", "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S.$": "$.sku"}}}""");
    assertThat(q.output()).isEqualTo(json("""
        {"Items": [{"pk": {"S": "sku-1"}, "tags": {"Ss": ["a"]}, "on": {"Bool": true}, "none": {"Nul": true}, "m": {"M": {"ns": {"Ns": ["1"]}}}}],
         "Count": 1, "ScannedCount": 1}"""));
    ExecutionResult get = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"sku-1\"}}}");
    assertThat(get.output().at("/Item/none")).as("the optimized integration's SDK v1 name").isEqualTo(json("{\"Null\": true}"));
    // a result passed on as it is writes the same item
    ExecutionResult put = run("arn:aws:states:::aws-sdk:dynamodb:putItem", "{\"TableName\": \"Inventory\", \"Item\": "
        + Json.write(q.output().at("/Items/0")).replace("sku-1", "sku-2") + "}");
    assertThat(put.output()).isEqualTo(json("{}"));
    assertThat(ddb.call("GetItem", "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"sku-2\"}}}").at("/Item/tags")).isEqualTo(json("{\"SS\": [\"a\"]}"));
  }

  @Test
  void everySdkActionOfTheIssueRuns() {
    run("arn:aws:states:::aws-sdk:dynamodb:batchWriteItem", """
        {"RequestItems": {"Inventory": [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}, {"PutRequest": {"Item": {"pk": {"S": "b"}}}}]}}""");
    assertThat(run("arn:aws:states:::aws-sdk:dynamodb:scan", "{\"TableName\": \"Inventory\", \"Select\": \"COUNT\"}").output())
        .isEqualTo(json("{\"Count\": 2, \"ScannedCount\": 2}"));
    assertThat(run("arn:aws:states:::aws-sdk:dynamodb:batchGetItem", "{\"RequestItems\": {\"Inventory\": {\"Keys\": [{\"pk\": {\"S\": \"a\"}}]}}}")
        .output()).isEqualTo(json("{\"Responses\": {\"Inventory\": [{\"pk\": {\"S\": \"a\"}}]}, \"UnprocessedKeys\": {}}"));
    ExecutionResult t = run("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", """
        {"TransactItems": [{"Delete": {"TableName": "Inventory", "Key": {"pk": {"S": "a"}}, "ConditionExpression": "attribute_not_exists(pk)"}}]}""");
    assertThat(t.error()).isEqualTo("DynamoDb.TransactionCanceledException");
    assertThat(t.cause()).startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed] (Service: DynamoDb, Status Code: 400, Request ID: ");
    for (String action : List.of("updateItem", "deleteItem")) {
      assertThat(run("arn:aws:states:::dynamodb:" + action, "{\"TableName\": \"Inventory\", \"Key\": {\"pk\": {\"S\": \"b\"}}}").status())
          .as(action).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
    // an action the optimized integration lacks is refused when the definition loads, as AWS refuses it at creation
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("arn:aws:states:::dynamodb:query", "{}"))
        .hasMessageContaining("The resource provided arn:aws:states:::dynamodb:query is not recognized")
        .hasMessageContaining("arn:aws:states:::aws-sdk:dynamodb:query");
  }
}
