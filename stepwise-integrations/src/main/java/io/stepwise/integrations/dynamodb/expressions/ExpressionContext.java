package io.stepwise.integrations.dynamodb.expressions;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them its
 * expressions used: DynamoDB refuses a placeholder that is not defined, and one defined but used
 * by none of the request's expressions.
 */
public final class ExpressionContext {
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  private ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
  }

  /**
   * Reads the request's maps (either may be absent).
   *
   * @param anyExpression whether the request has an expression at all
   * @param valuesUnused null when values may be given, else why not ({@code FilterExpression is null})
   */
  public static ExpressionContext of(JsonNode namesNode, JsonNode valuesNode, boolean anyExpression, String valuesUnused) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    boolean hasNames = namesNode != null && !namesNode.isNull();
    boolean hasValues = valuesNode != null && !valuesNode.isNull();
    if (hasNames) {
      if (!namesNode.isObject()) {
        throw DynamoDbException.serialization("Start of structure or map found where not expected");
      }
      if (namesNode.isEmpty()) {
        throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
      }
      namesNode.properties().forEach(e -> {
        if (!e.getValue().isTextual()) {
          throw DynamoDbException.serialization("Unexpected value type in payload");
        }
        names.put(e.getKey(), e.getValue().textValue());
      });
    }
    if (hasValues) {
      if (!valuesNode.isObject()) {
        throw DynamoDbException.serialization("Start of structure or map found where not expected");
      }
      if (valuesNode.isEmpty()) {
        throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
      }
      for (Map.Entry<String, JsonNode> e : valuesNode.properties()) {
        try {
          values.put(e.getKey(), ItemJson.value(e.getValue()));
        } catch (DynamoDbException bad) {
          if (!bad.code().equals("ValidationException")) {
            throw bad;
          }
          throw DynamoDbException.validation("ExpressionAttributeValues contains invalid value: " + bad.getMessage() + " for key " + e.getKey());
        }
      }
    }
    if (!anyExpression && hasNames) {
      throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (hasValues && valuesUnused != null) {
      throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions: " + valuesUnused);
    }
    return new ExpressionContext(names, values);
  }

  /** No placeholders: for an expression Stepwise builds itself. */
  public static ExpressionContext empty() {
    return new ExpressionContext(Map.of(), Map.of());
  }

  String name(String ref) {
    String name = names.get(ref);
    if (name != null) {
      usedNames.add(ref);
    }
    return name;
  }

  AttributeValue value(String ref) {
    AttributeValue v = values.get(ref);
    if (v != null) {
      usedValues.add(ref);
    }
    return v;
  }

  /** After every expression of the request is parsed: a placeholder none of them used is an error. */
  public void checkAllUsed() {
    List<String> unusedNames = new ArrayList<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoDbException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
          + String.join(", ", unusedNames) + "}");
    }
    List<String> unusedValues = new ArrayList<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoDbException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
          + String.join(", ", unusedValues) + "}");
    }
  }
}
