package io.stepwise.integrations.dynamodb.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.dynamodb.expressions.Condition;
import io.stepwise.integrations.dynamodb.expressions.ExpressionContext;
import io.stepwise.integrations.dynamodb.expressions.Parser;
import io.stepwise.integrations.dynamodb.expressions.Update;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import java.util.Map;
import java.util.Set;

/**
 * One write as a request describes it, its expressions parsed and its placeholders checked, before
 * any table is read: a PutItem, UpdateItem, DeleteItem, or a transaction's ConditionCheck. The
 * same plans serve the single-item operations, BatchWriteItem and TransactWriteItems.
 *
 * @param item the item to put (Put), else null
 * @param key the key named (Update, Delete, ConditionCheck), else null
 * @param update the UpdateExpression (Update; null for an update without one)
 * @param condition the ConditionExpression, or null
 * @param returnValues NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW
 * @param oldOnFailure ReturnValuesOnConditionCheckFailure ALL_OLD: a failed condition returns the item
 */
record WritePlan(Kind kind, String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key, Update update,
    Condition condition, String returnValues, boolean oldOnFailure) {

  enum Kind { PUT, UPDATE, DELETE, CHECK }

  private static final Set<String> RETURN_VALUES = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

  /**
   * Reads one write.
   *
   * @param prefix where its members are, for messages: {@code ""} for PutItem, {@code transactItems.1.member.put.} in a transaction
   */
  static WritePlan read(Kind kind, JsonNode input, String prefix) {
    Request r = new Request(input);
    String table = r.tableName("TableName", prefix + "tableName");
    if (kind == Kind.PUT) {
      r.required("Item", prefix + "item");
    } else {
      r.required("Key", prefix + "key");
    }
    if (kind == Kind.CHECK) {
      r.required("ConditionExpression", prefix + "conditionExpression");
    }
    String returnValues = r.enumValue("ReturnValues", prefix + "returnValues", RETURN_VALUES, "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
    String onFailure = r.enumValue("ReturnValuesOnConditionCheckFailure", prefix + "returnValuesOnConditionCheckFailure",
        Set.of("ALL_OLD", "NONE"), "[ALL_OLD, NONE]");
    r.check();
    for (String legacy : java.util.List.of("Expected", "AttributeUpdates")) {
      String expression = legacy.equals("Expected") ? "ConditionExpression" : "UpdateExpression";
      if (r.has(legacy) && r.has(expression)) {
        throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {"
            + legacy + "} Expression parameters: {" + expression + "}");
      }
    }
    r.refuseLegacy("Expected", "ConditionExpression");
    r.refuseLegacy("ConditionalOperator", "ConditionExpression");
    r.refuseLegacy("AttributeUpdates", "UpdateExpression");
    if (returnValues == null) {
      returnValues = "NONE";
    }
    if ((kind == Kind.PUT || kind == Kind.DELETE) && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    Map<String, AttributeValue> item = kind == Kind.PUT ? ItemJson.item(r.object("Item")) : null;
    Map<String, AttributeValue> key = kind == Kind.PUT ? null : ItemJson.item(r.object("Key"));
    String conditionText = r.string("ConditionExpression");
    String updateText = kind == Kind.UPDATE ? r.string("UpdateExpression") : null;
    ExpressionContext context = ExpressionContext.of(r.object("ExpressionAttributeNames"), r.object("ExpressionAttributeValues"),
        conditionText != null || updateText != null, conditionText != null || updateText != null ? null
            : kind == Kind.UPDATE ? "UpdateExpression and ConditionExpression are null" : "ConditionExpression is null");
    Update update = updateText == null ? null : Parser.update(updateText, context);
    Condition condition = conditionText == null ? null : Parser.condition(conditionText, "ConditionExpression", context);
    context.checkAllUsed();
    return new WritePlan(kind, table, item, key, update, condition, returnValues, "ALL_OLD".equals(onFailure));
  }
}
