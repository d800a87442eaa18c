package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ItemReader;
import io.stepwise.asl.model.MapState;
import io.stepwise.engine.itemdata.DatasetReader;
import io.stepwise.engine.itemdata.ItemReaders;
import io.stepwise.engine.itemdata.ReaderCall;

/**
 * How a Distributed Map's run reads its items with its ItemReader: one call at a time
 * ({@link MapRunCalls}; a listing a page at a time, the objects a manifest or listing names one
 * after another, as the {@link DatasetReader} says), then the items the ItemsPath selects, at most MaxItems;
 * what the reader fails with fails the run with States.ItemReaderFailed. A redrive of a run that
 * never had its items reads them again.
 */
final class MapRunReader {
  /** What the run is told: its items, or why it has none. */
  interface Run {
    void itemsRead(JsonNode items);

    void readingFailed(String error, String cause);
  }

  private final Frame f;
  private final MapState m;
  private final JsonNode request;
  private final int maxItems;
  private DatasetReader reader;

  /** The reader's request and MaxItems, evaluated when the state starts: what fails here is the state's own failure. */
  MapRunReader(Frame f, MapState m, JsonNode in) {
    if (m.items() != null) {
      throw new StatesException(StatesErrors.RUNTIME, "Items cannot be used with an ItemReader: the items are what the ItemReader reads");
    }
    ItemReader r = m.itemReader();
    this.f = f;
    this.m = m;
    this.request = r.arguments() == null ? Json.NODES.objectNode() : Pipeline.template(r.arguments(), in, f);
    Integer max = MapPlan.integer(r.config().maxItems(), f.scope(in));
    this.maxItems = max == null ? 0 : max;
  }

  /** Reads the items from the first call on, then tells the run. */
  void read(Run run) {
    try {
      reader = ItemReaders.reader(m.itemReader(), request, maxItems);
    } catch (StatesException e) {
      run.readingFailed(e.error(), e.cause());
      return;
    }
    call(reader.first(), run);
  }

  private void call(ReaderCall call, Run run) {
    MapRunCalls.schedule(f, call.resource(), call.request(), new MapRunCalls.Then() {
      @Override
      public void succeeded(JsonNode output) {
        try {
          ReaderCall next = reader.answered(call, output);
          if (next != null) {
            call(next, run);
          } else {
            items(reader.dataset(), run);
          }
        } catch (StatesException e) {
          run.readingFailed(e.error(), StatesErrors.ITEM_READER_FAILED.equals(e.error()) ? e.cause() : Failures.describe(f, e));
        }
      }

      @Override
      public void failed(String error, String cause) {
        if (StatesErrors.ITEM_READER_FAILED.equals(error)) {
          run.readingFailed(error, cause); // the integration's own account of what it could not read (an object that is not gzip...)
          return;
        }
        run.readingFailed(StatesErrors.ITEM_READER_FAILED, "The ItemReader's " + call.resource() + " call"
            + (call.object() == null ? "" : " for " + call.object()) + " failed with " + error + (cause == null ? "" : ": " + cause));
      }
    });
  }

  /** The dataset is read: the items the ItemsPath selects, at most MaxItems, to run. */
  private void items(JsonNode doc, Run run) {
    JsonNode items = doc;
    if (m.itemsPath() != null) {
      items = m.itemsPath().read(new EvalScope(f, doc));
      if (items == null) {
        throw new StatesException(StatesErrors.ITEM_READER_FAILED,
            "ItemsPath '" + m.itemsPath().text() + "' selects nothing in what the ItemReader read");
      }
    }
    if (!items.isArray()) {
      throw new StatesException(StatesErrors.ITEM_READER_FAILED, "The items the ItemReader read must be an array but were: "
          + ItemReaders.shown(items));
    }
    if (maxItems > 0 && items.size() > maxItems) {
      ArrayNode kept = Json.NODES.arrayNode(maxItems);
      for (int i = 0; i < maxItems; i++) {
        kept.add(items.get(i));
      }
      items = kept;
    }
    run.itemsRead(items);
  }
}
