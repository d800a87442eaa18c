package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.api.JsonApi;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;

/** DynamoDB's JSON API ({@code X-Amz-Target: DynamoDB_20120810.*}) on the Stepwise port, over the local stand-in. */
public final class DynamoDbApi implements JsonApi {
  private final LocalDynamoDb dynamodb;

  public DynamoDbApi(LocalDynamoDb dynamodb) {
    this.dynamodb = dynamodb;
  }

  @Override
  public String targetPrefix() {
    return "DynamoDB_20120810";
  }

  @Override
  public String signingName() {
    return "dynamodb";
  }

  @Override
  public JsonNode call(String operation, JsonNode input) {
    try {
      return dynamodb.call(operation, input);
    } catch (DynamoDbException e) {
      throw new ApiError(e.status(), e.type(), e.getMessage(), java.util.Map.of(), e.members());
    }
  }
}
