package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.config.ServiceSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Tasks on a real DynamoDB endpoint (AWS, or any compatible server) through the SDK's DynamoDbClient. */
public final class RemoteBackend implements DynamoDbBackend {
  private final DynamoDbClient client;
  private final String describe;

  private RemoteBackend(DynamoDbClient client, String describe) {
    this.client = client;
    this.describe = describe;
  }

  /**
   * @param serverRegion the region when the settings give none
   */
  public static RemoteBackend create(ServiceSettings settings, String serverRegion) {
    var builder = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(settings.region() == null ? serverRegion : settings.region()))
        .credentialsProvider(settings.credentials());
    if (!settings.isAws()) {
      builder.endpointOverride(settings.endpoint());
    }
    return new RemoteBackend(builder.build(), settings.describe());
  }


  @Override
  public Reply call(String operation, JsonNode input) {
    AwsResponse response;
    try {
      response = switch (operation) {
        case "GetItem" -> client.getItem(SdkJson.<GetItemRequest>build(GetItemRequest.builder(), input));
        case "PutItem" -> client.putItem(SdkJson.<PutItemRequest>build(PutItemRequest.builder(), input));
        case "UpdateItem" -> client.updateItem(SdkJson.<UpdateItemRequest>build(UpdateItemRequest.builder(), input));
        case "DeleteItem" -> client.deleteItem(SdkJson.<DeleteItemRequest>build(DeleteItemRequest.builder(), input));
        case "Query" -> client.query(SdkJson.<QueryRequest>build(QueryRequest.builder(), input));
        case "Scan" -> client.scan(SdkJson.<ScanRequest>build(ScanRequest.builder(), input));
        case "BatchGetItem" -> client.batchGetItem(SdkJson.<BatchGetItemRequest>build(BatchGetItemRequest.builder(), input));
        case "BatchWriteItem" -> client.batchWriteItem(SdkJson.<BatchWriteItemRequest>build(BatchWriteItemRequest.builder(), input));
        case "TransactWriteItems" -> client.transactWriteItems(SdkJson.<TransactWriteItemsRequest>build(TransactWriteItemsRequest.builder(), input));
        case "TransactGetItems" -> client.transactGetItems(SdkJson.<TransactGetItemsRequest>build(TransactGetItemsRequest.builder(), input));
        case "CreateTable" -> client.createTable(SdkJson.<CreateTableRequest>build(CreateTableRequest.builder(), input));
        case "DescribeTable" -> client.describeTable(SdkJson.<DescribeTableRequest>build(DescribeTableRequest.builder(), input));
        case "ListTables" -> client.listTables(SdkJson.<ListTablesRequest>build(ListTablesRequest.builder(), input));
        case "DeleteTable" -> client.deleteTable(SdkJson.<DeleteTableRequest>build(DeleteTableRequest.builder(), input));
        default -> throw new IllegalArgumentException("not a DynamoDB operation Stepwise calls: " + operation);
      };
    } catch (DynamoDbException e) {
      var details = e.awsErrorDetails();
      throw new Failed(details == null ? "DynamoDbException" : details.errorCode(), details == null ? e.getMessage() : details.errorMessage(),
          e.statusCode(), e.requestId());
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(response.sdkHttpResponse().headers());
    return new Reply(SdkJson.write((SdkPojo) response), response.sdkHttpResponse().statusCode(), headers,
        response.responseMetadata().requestId());
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public void close() {
    client.close();
  }
}
