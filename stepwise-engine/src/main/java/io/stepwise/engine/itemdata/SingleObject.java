package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ReaderConfig;

/** An {@code s3:getObject} reader of one object, whose content is the dataset (JSON, JSON Lines or CSV). */
final class SingleObject implements DatasetReader {
  private final ReaderCall call;
  private final ReaderConfig config;
  private final int maxItems;
  private JsonNode dataset;

  SingleObject(String resource, JsonNode request, ReaderConfig config, int maxItems) {
    this.call = ReaderCall.of(resource, request);
    this.config = config;
    this.maxItems = maxItems;
  }

  @Override
  public ReaderCall first() {
    return call;
  }

  @Override
  public ReaderCall answered(ReaderCall call, JsonNode output) {
    dataset = ItemReaders.content(config, call.request(), output, maxItems);
    return null;
  }

  @Override
  public JsonNode dataset() {
    return dataset;
  }
}
