package io.stepwise.integrations.dynamodb.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DynamoDB's Task integrations. The optimized ones, {@code arn:aws:states:::dynamodb:getItem},
 * {@code putItem}, {@code updateItem} and {@code deleteItem}, return DynamoDB's response with the
 * HTTP answer's {@code SdkHttpMetadata} and {@code SdkResponseMetadata}, and fail as
 * {@code DynamoDB.<Exception>} with the SDK v1 cause ("... (Service: AmazonDynamoDBv2; Status
 * Code: 400; Error Code: ...; Request ID: ...; Proxy: null)"). The AWS SDK integrations,
 * {@code arn:aws:states:::aws-sdk:dynamodb:<action>}, return the response members alone and fail
 * as {@code DynamoDb.<Exception>} with the SDK v2 cause ("... (Service: DynamoDb, Status Code:
 * 400, Request ID: ...)"). An error DynamoDB's model does not name (ValidationException) is the
 * SDK's generic exception: {@code DynamoDB.AmazonDynamoDBException}, {@code DynamoDb.DynamoDbException}.
 * Parameters are the API's own members (PascalCase), passed on as they are.
 */
public final class DynamoDbTasks implements TaskHandler {
  private static final Map<String, String> OPTIMIZED = Map.of("getItem", "GetItem", "putItem", "PutItem", "updateItem", "UpdateItem",
      "deleteItem", "DeleteItem");
  private static final Map<String, String> SDK = Map.ofEntries(
      Map.entry("getItem", "GetItem"), Map.entry("putItem", "PutItem"), Map.entry("updateItem", "UpdateItem"),
      Map.entry("deleteItem", "DeleteItem"), Map.entry("query", "Query"), Map.entry("scan", "Scan"),
      Map.entry("batchGetItem", "BatchGetItem"), Map.entry("batchWriteItem", "BatchWriteItem"),
      Map.entry("transactWriteItems", "TransactWriteItems"), Map.entry("transactGetItems", "TransactGetItems"),
      Map.entry("createTable", "CreateTable"), Map.entry("describeTable", "DescribeTable"), Map.entry("listTables", "ListTables"),
      Map.entry("deleteTable", "DeleteTable"));
  /** Errors DynamoDB's API model names, by code, with the SDK's class for the two whose code is not the class's name. */
  private static final Map<String, String> MODELLED = modelled();

  private final DynamoDbBackend backend;

  public DynamoDbTasks(DynamoDbBackend backend) {
    this.backend = backend;
  }

  @Override
  public boolean handles(ResourceArn resource, TaskRequest request) {
    return resource.type() == ResourceArn.Type.SERVICE
        && ("dynamodb".equals(resource.resourceType()) || "aws-sdk:dynamodb".equals(resource.resourceType()));
  }

  @Override
  public JsonNode invoke(ResourceArn resource, TaskRequest request) {
    boolean optimized = "dynamodb".equals(resource.resourceType());
    String action = resource.resource();
    int dot = action.indexOf('.');
    if (dot >= 0) {
      throw new TaskFailure("States.TaskFailed", "Stepwise does not support the integration pattern " + action.substring(dot)
          + " for " + request.resource() + (optimized ? ": the optimized DynamoDB integrations are request-response only" : ""));
    }
    String operation = (optimized ? OPTIMIZED : SDK).get(action);
    if (operation == null) {
      throw new TaskFailure("States.TaskFailed", "Stepwise does not know the DynamoDB integration " + request.resource()
          + (optimized ? ": the optimized integrations are getItem, putItem, updateItem and deleteItem; other actions are "
              + "arn:aws:states:::aws-sdk:dynamodb:<action>"
              : ": Stepwise's AWS SDK integration for DynamoDB has " + String.join(", ", new java.util.TreeSet<>(SDK.keySet()))));
    }
    JsonNode parameters = request.input() == null || request.input().isNull() ? Json.NODES.objectNode() : request.input();
    DynamoDbBackend.Reply reply;
    try {
      reply = backend.call(operation, AttributeNames.toWire(parameters));
    } catch (DynamoDbBackend.Failed f) {
      throw failure(f, optimized);
    }
    JsonNode body = AttributeNames.toTask(reply.body(), optimized);
    if (!optimized) {
      return body;
    }
    ObjectNode out = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.NODES.objectNode();
    out.set("SdkHttpMetadata", httpMetadata(reply));
    out.putObject("SdkResponseMetadata").put("RequestId", reply.requestId());
    return out;
  }

  /** The SDK v1 response metadata as the optimized integration shows it: every header with its values, then each header's value. */
  private static ObjectNode httpMetadata(DynamoDbBackend.Reply reply) {
    ObjectNode m = Json.NODES.objectNode();
    ObjectNode all = m.putObject("AllHttpHeaders");
    reply.headers().forEach((k, values) -> {
      var a = all.putArray(k);
      values.forEach(a::add);
    });
    ObjectNode single = m.putObject("HttpHeaders");
    Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    reply.headers().forEach((k, values) -> sorted.put(k, values.isEmpty() ? "" : values.get(0)));
    sorted.forEach(single::put);
    m.put("HttpStatusCode", reply.status());
    return m;
  }

  static TaskFailure failure(DynamoDbBackend.Failed f, boolean optimized) {
    String exception = MODELLED.get(f.code());
    if (optimized) {
      String error = "DynamoDB." + (exception == null ? "AmazonDynamoDBException" : exception);
      return new TaskFailure(error, f.getMessage() + " (Service: AmazonDynamoDBv2; Status Code: " + f.status() + "; Error Code: "
          + f.code() + "; Request ID: " + f.requestId() + "; Proxy: null)");
    }
    String error = "DynamoDb." + (exception == null ? "DynamoDbException" : exception);
    return new TaskFailure(error, f.getMessage() + " (Service: DynamoDb, Status Code: " + f.status() + ", Request ID: " + f.requestId() + ")");
  }

  private static Map<String, String> modelled() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String code : List.of("BackupInUseException", "BackupNotFoundException", "ConditionalCheckFailedException",
        "ContinuousBackupsUnavailableException", "DuplicateItemException", "ExportConflictException", "ExportNotFoundException",
        "GlobalTableAlreadyExistsException", "GlobalTableNotFoundException", "IdempotentParameterMismatchException",
        "ImportConflictException", "ImportNotFoundException", "IndexNotFoundException", "InvalidEndpointException",
        "InvalidExportTimeException", "InvalidRestoreTimeException", "ItemCollectionSizeLimitExceededException",
        "LimitExceededException", "PointInTimeRecoveryUnavailableException", "PolicyNotFoundException",
        "ProvisionedThroughputExceededException", "ReplicaAlreadyExistsException", "ReplicaNotFoundException",
        "ReplicatedWriteConflictException", "ResourceInUseException", "ResourceNotFoundException", "TableAlreadyExistsException",
        "TableInUseException", "TableNotFoundException", "ThrottlingException", "TransactionCanceledException",
        "TransactionConflictException", "TransactionInProgressException")) {
      m.put(code, code);
    }
    m.put("InternalServerError", "InternalServerErrorException");
    m.put("RequestLimitExceeded", "RequestLimitExceededException");
    return Map.copyOf(m);
  }

  /** The actions of the AWS SDK integration Stepwise has (for docs and tests). */
  static Set<String> sdkActions() {
    return SDK.keySet();
  }
}
