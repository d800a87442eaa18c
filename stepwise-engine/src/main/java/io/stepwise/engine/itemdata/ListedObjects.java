package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The objects a manifest or a listing names, read one {@code s3:getObject} after another in the
 * order named, their items flattened into one dataset. Reading stops once MaxItems items are
 * read: the objects after that are not fetched.
 */
final class ListedObjects {
  private final String getObject;
  private final int maxItems;
  private final Deque<ObjectNode> pending = new ArrayDeque<>();
  private final ArrayNode items = Json.NODES.arrayNode();

  /**
   * @param getObject the {@code s3:getObject} resource ARN to call
   * @param maxItems 0 for all
   */
  ListedObjects(String getObject, int maxItems) {
    this.getObject = getObject;
    this.maxItems = maxItems;
  }

  void add(String bucket, String key) {
    pending.add(Json.NODES.objectNode().put("Bucket", bucket).put("Key", key));
  }

  /** The next object to read, or null when none is left or MaxItems are read. */
  ReaderCall next() {
    ObjectNode request = full() ? null : pending.poll();
    return request == null ? null : new ReaderCall(getObject, request, ItemReaders.where(request));
  }

  /** How many more items to read from the next object: 0 for all. */
  int room() {
    return maxItems <= 0 ? 0 : maxItems - items.size();
  }

  /** Adds an object's items, up to MaxItems. */
  void addAll(JsonNode more) {
    for (JsonNode item : more) {
      if (full()) {
        return;
      }
      items.add(item);
    }
  }

  boolean full() {
    return maxItems > 0 && items.size() >= maxItems;
  }

  ArrayNode items() {
    return items;
  }
}
