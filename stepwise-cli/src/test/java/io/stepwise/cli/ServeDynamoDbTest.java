package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code stepwise serve} with its local DynamoDB: a table made with the SDK's DynamoDbClient on the
 * Stepwise port, a workflow whose Tasks read and write it, and the table still there after a restart.
 */
class ServeDynamoDbTest {
  @TempDir Path data;

  private static final String WORKFLOW = """
      {"StartAt": "Reserve", "States": {
        "Reserve": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "ResultPath": null,
          "Parameters": {"TableName": "Inventory", "Key": {"sku": {"S.$": "$.sku"}}, "UpdateExpression": "SET stock = stock - :n",
                         "ConditionExpression": "stock >= :n", "ExpressionAttributeValues": {":n": {"N.$": "States.Format('{}', $.qty)"}}},
          "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "ResultPath": "$.error", "Next": "OutOfStock"}],
          "Next": "Read"},
        "Read": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
          "Parameters": {"TableName": "Inventory", "Key": {"sku": {"S.$": "$.sku"}}}, "OutputPath": "$.Item", "End": true},
        "OutOfStock": {"Type": "Pass", "Parameters": {"error.$": "$.error.Error"}, "End": true}}}""";

  private static ServeCommand start(Path data, CompletableFuture<Integer>[] exit) throws InterruptedException {
    ServeCommand serve = new ServeCommand();
    CommandLine cmd = new CommandLine(serve);
    exit[0] = CompletableFuture.supplyAsync(() -> cmd.execute("--port", "0", "--data", data.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit[0].isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    return serve;
  }

  private static DynamoDbClient dynamodb(ServeCommand serve) {
    return DynamoDbClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static JsonNode run(SfnClient sfn, String machine, String input) throws Exception {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    for (int i = 0; i < 300; i++) {
      var d = sfn.describeExecution(b -> b.executionArn(arn));
      if (d.status() != ExecutionStatus.RUNNING) {
        assertThat(d.status()).as(d.error() + ": " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return Json.parse(d.output());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the execution did not end");
  }

  @Test
  @SuppressWarnings("unchecked")
  void workflowsReadAndWriteTheLocalTablesWhichOutliveARestart() throws Exception {
    CompletableFuture<Integer>[] exit = new CompletableFuture[1];
    ServeCommand serve = start(data, exit);
    try (DynamoDbClient ddb = dynamodb(serve);
        SfnClient sfn = SfnClient.builder().endpointOverride(serve.server().endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create()).build()) {
      ddb.createTable(b -> b.tableName("Inventory").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(d -> d.attributeName("sku").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("sku").keyType(KeyType.HASH)));
      ddb.putItem(b -> b.tableName("Inventory").item(Map.of("sku", AttributeValue.fromS("pen"), "stock", AttributeValue.fromN("3"))));
      String machine = sfn.createStateMachine(b -> b.name("reserve").roleArn("arn:aws:iam::123456789012:role/r").definition(WORKFLOW))
          .stateMachineArn();
      assertThat(run(sfn, machine, "{\"sku\": \"pen\", \"qty\": 2}")).isEqualTo(Json.parse("{\"sku\": {\"S\": \"pen\"}, \"stock\": {\"N\": \"1\"}}"));
      assertThat(run(sfn, machine, "{\"sku\": \"pen\", \"qty\": 2}")).isEqualTo(Json.parse("{\"error\": \"DynamoDB.ConditionalCheckFailedException\"}"));
    }
    serve.stop();
    assertThat(exit[0].get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    assertThat(data.resolve("dynamodb.db")).exists();

    ServeCommand again = start(data, exit);
    try (DynamoDbClient ddb = dynamodb(again)) {
      var item = ddb.getItem(b -> b.tableName("Inventory").key(Map.of("sku", AttributeValue.fromS("pen")))).item();
      assertThat(item.get("stock").n()).isEqualTo("1");
    }
    again.stop();
    assertThat(exit[0].get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
  }
}
