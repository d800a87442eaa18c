package io.stepwise.integrations.dynamodb.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.model.AttributeValue;
import io.stepwise.integrations.dynamodb.model.ItemJson;
import java.util.Map;

/** An item as the store keeps it: its DynamoDB JSON. */
final class ItemCodec {
  private ItemCodec() {}

  static String write(Map<String, AttributeValue> item) {
    return ItemJson.write(item).toString();
  }

  static Map<String, AttributeValue> read(String text) {
    try {
      return ItemJson.item(Json.parse(text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored item is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
