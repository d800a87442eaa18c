package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code s3:listObjectsV2} reader with Transformation NONE. Each page is a ListObjectsV2
 * response ({@code Contents}: Key, Size, LastModified, ETag, StorageClass; {@code IsTruncated}
 * and {@code NextContinuationToken} when there are more); each object becomes the item AWS
 * documents: {@code {"Etag", "Key", "LastModified" (epoch seconds), "Size", "StorageClass"}}.
 */
public final class ObjectListing implements DatasetReader {
  private final ArrayNode items = Json.NODES.arrayNode();
  private final String resource;
  private final JsonNode request;
  private final int maxItems;

  /** @param maxItems stop after this many objects; 0 for all */
  ObjectListing(String resource, JsonNode request, int maxItems) {
    this.resource = resource;
    this.request = request;
    this.maxItems = maxItems;
  }

  @Override
  public ReaderCall first() {
    return ReaderCall.of(resource, request);
  }

  @Override
  public ReaderCall answered(ReaderCall call, JsonNode page) {
    for (JsonNode o : contents(page)) {
      if (full()) {
        return null;
      }
      items.add(item(o));
    }
    ObjectNode next = full() ? null : nextPage(call.request(), page);
    return next == null ? null : ReaderCall.of(resource, next);
  }

  @Override
  public ArrayNode dataset() {
    return items;
  }

  private boolean full() {
    return maxItems > 0 && items.size() >= maxItems;
  }

  /** A page's objects, each checked to have a Key. */
  static List<JsonNode> contents(JsonNode page) {
    if (!page.isObject()) {
      throw ItemReaders.failed("The s3:listObjectsV2 response must be a ListObjectsV2 result object but was: " + Json.write(page));
    }
    JsonNode contents = page.path("Contents");
    if (!contents.isMissingNode() && !contents.isArray()) {
      throw ItemReaders.failed("The s3:listObjectsV2 response's Contents must be an array but was: " + Json.write(contents));
    }
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode o : contents) {
      if (!o.isObject() || !o.path("Key").isTextual()) {
        throw ItemReaders.failed("Each s3:listObjectsV2 Contents entry needs a Key but one was: " + Json.write(o));
      }
      objects.add(o);
    }
    return objects;
  }

  /** The request for the page after this one (the request with ContinuationToken), or null when it was the last. */
  static ObjectNode nextPage(JsonNode request, JsonNode page) {
    if (!page.path("IsTruncated").asBoolean(false)) {
      return null;
    }
    JsonNode token = page.get("NextContinuationToken");
    if (token == null || !token.isTextual()) {
      throw ItemReaders.failed("The s3:listObjectsV2 response is truncated but has no NextContinuationToken");
    }
    ObjectNode next = request.isObject() ? ((ObjectNode) request).deepCopy() : Json.NODES.objectNode();
    next.put("ContinuationToken", token.textValue());
    return next;
  }

  private static ObjectNode item(JsonNode o) {
    ObjectNode item = Json.NODES.objectNode();
    JsonNode etag = o.has("ETag") ? o.get("ETag") : o.get("Etag");
    if (etag != null) {
      item.set("Etag", etag);
    }
    item.set("Key", o.get("Key"));
    JsonNode modified = o.get("LastModified");
    if (modified != null) {
      item.set("LastModified", epochSeconds(modified));
    }
    if (o.has("Size")) {
      item.set("Size", o.get("Size"));
    }
    if (o.has("StorageClass")) {
      item.set("StorageClass", o.get("StorageClass"));
    }
    return item;
  }

  /** The smallest number node, as a parsed JSON number would be, so items compare equal to parsed ones. */
  private static JsonNode seconds(long s) {
    return s == (int) s ? Json.NODES.numberNode((int) s) : Json.NODES.numberNode(s);
  }

  /** S3 gives a timestamp; the item carries epoch seconds. A number is taken as seconds already. */
  private static JsonNode epochSeconds(JsonNode v) {
    if (v.isNumber()) {
      return seconds(v.longValue());
    }
    try {
      return seconds(Instant.parse(v.asText()).getEpochSecond());
    } catch (DateTimeParseException e) {
      throw ItemReaders.failed("An s3:listObjectsV2 LastModified must be an ISO-8601 timestamp or epoch seconds but was: " + Json.write(v));
    }
  }
}
