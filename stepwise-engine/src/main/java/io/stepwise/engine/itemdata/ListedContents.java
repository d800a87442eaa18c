package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.model.ReaderConfig;

/**
 * An {@code s3:listObjectsV2} reader with Transformation LOAD_AND_FLATTEN: the objects a listing
 * names are read, each per InputType (JSON, JSON Lines or CSV), and their items flattened into
 * one dataset in listing order. A page's objects are read before the next page is asked for, so a
 * MaxItems reached early lists no further. A zero-byte key ending in "/" (a folder, as the S3
 * console makes them) holds no items and is not read.
 */
final class ListedContents implements DatasetReader {
  private final String resource;
  private final JsonNode request;
  private final ReaderConfig config;
  private final ListedObjects objects;
  private ReaderCall nextPage;

  ListedContents(String resource, JsonNode request, ReaderConfig config, int maxItems) {
    this.resource = resource;
    this.request = request;
    this.config = config;
    this.objects = new ListedObjects(ItemReaders.sibling(resource, "getObject"), maxItems);
  }

  @Override
  public ReaderCall first() {
    return ReaderCall.of(resource, request);
  }

  @Override
  public ReaderCall answered(ReaderCall call, JsonNode output) {
    if (call.object() == null) {
      String bucket = call.request().path("Bucket").isTextual() ? call.request().path("Bucket").textValue() : output.path("Name").asText();
      for (JsonNode o : ObjectListing.contents(output)) {
        String key = o.get("Key").textValue();
        if (!(key.endsWith("/") && o.path("Size").asLong(0) == 0)) {
          objects.add(bucket, key);
        }
      }
      ObjectNode next = ObjectListing.nextPage(call.request(), output);
      nextPage = next == null ? null : ReaderCall.of(resource, next);
    } else {
      objects.addAll(ItemReaders.items(config, call.request(), output, objects.room()));
    }
    ReaderCall read = objects.next();
    if (read != null || objects.full()) {
      return read;
    }
    ReaderCall page = nextPage;
    nextPage = null;
    return page;
  }

  @Override
  public JsonNode dataset() {
    return objects.items();
  }
}
