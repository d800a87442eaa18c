package io.stepwise.server.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServicesSettings;
import io.stepwise.integrations.dynamodb.DynamoDbIntegration;
import io.stepwise.integrations.dynamodb.api.DynamoDbApi;
import io.stepwise.integrations.dynamodb.api.LocalDynamoDb;
import io.stepwise.integrations.dynamodb.storage.TableStore;
import io.stepwise.server.TestServer;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A remote DynamoDB: the integration configured with an endpoint calls it through the SDK's
 * DynamoDbClient. The endpoint here is another Stepwise server's DynamoDB API, a real HTTP server
 * speaking DynamoDB's protocol.
 */
class RemoteDynamoDbTest {
  @Test
  void tasksGoToTheConfiguredEndpointAndShowItsAnswer() throws Exception {
    LocalDynamoDb elsewhere = new LocalDynamoDb(TableStore.open(null), InstantSource.system(), "eu-west-1", "999999999999");
    try (TestServer remote = new TestServer(b -> b.api(new DynamoDbApi(elsewhere)))) {
      elsewhere.call("CreateTable", Json.parse("""
          {"TableName": "Remote", "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}"""));
      ServicesSettings settings = ServicesSettings.resolve(null, Map.of(),
          List.of("dynamodb=" + remote.server.endpoint(), "dynamodb.region=eu-west-1", "dynamodb.accessKeyId=AKID", "dynamodb.secretAccessKey=s"));
      Integration integration = DynamoDbIntegration.create(new IntegrationContext(settings, null, null, null, "us-east-1", "123456789012",
          InstantSource.system()));
      try (integration) {
        assertThat(integration.apis()).as("a remote service serves no API of its own").isEmpty();
        assertThat(integration.describe()).isEqualTo(remote.server.endpoint() + " in eu-west-1, access key AKID");
        Engine.Builder builder = Engine.builder().fastTime(true);
        integration.handlers().forEach(builder::handler);
        try (Engine engine = builder.build()) {
          ExecutionResult put = run(engine, "arn:aws:states:::dynamodb:putItem",
              "{\"TableName\": \"Remote\", \"Item\": {\"pk\": {\"S\": \"far\"}, \"on\": {\"BOOL\": true}, \"tags\": {\"SS\": [\"x\"]}}}");
          assertThat(put.output().at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
          assertThat(put.output().at("/SdkHttpMetadata/AllHttpHeaders/x-amzn-RequestId/0").asText())
              .as("the endpoint's own request id").isEqualTo(put.output().at("/SdkResponseMetadata/RequestId").asText());
          assertThat(elsewhere.call("GetItem", Json.parse("{\"TableName\": \"Remote\", \"Key\": {\"pk\": {\"S\": \"far\"}}}")).has("Item")).isTrue();
          ExecutionResult get = run(engine, "arn:aws:states:::aws-sdk:dynamodb:getItem", "{\"TableName\": \"Remote\", \"Key\": {\"pk\": {\"S\": \"far\"}}}");
          assertThat(get.output()).isEqualTo(Json.parse("{\"Item\": {\"pk\": {\"S\": \"far\"}, \"on\": {\"Bool\": true}, \"tags\": {\"Ss\": [\"x\"]}}}"));
          ExecutionResult missing = run(engine, "arn:aws:states:::dynamodb:getItem", "{\"TableName\": \"Nowhere\", \"Key\": {\"pk\": {\"S\": \"a\"}}}");
          assertThat(missing.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
          assertThat(missing.cause()).startsWith("Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: ");
          ExecutionResult tx = run(engine, "arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", """
              {"TransactItems": [{"ConditionCheck": {"TableName": "Remote", "Key": {"pk": {"S": "far"}}, "ConditionExpression": "attribute_not_exists(pk)"}}]}""");
          assertThat(tx.error()).isEqualTo("DynamoDb.TransactionCanceledException");
        }
      }
    } finally {
      elsewhere.close();
    }
  }

  private static ExecutionResult run(Engine engine, String resource, String parameters) {
    return engine.run(StateMachineParser.parse("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource
        + "\",\"Parameters\":" + parameters + ",\"End\":true}}}"), "{}", RunOptions.defaults());
  }

}
