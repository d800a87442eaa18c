package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ItemReader;
import io.stepwise.asl.model.MapState;
import io.stepwise.engine.itemdata.ItemReaders;
import io.stepwise.engine.itemdata.ObjectListing;

/**
 * How a Distributed Map's run reads its items with its ItemReader: one call at a time (a listing a
 * page at a time, {@link MapRunCalls}), then the items the ItemsPath selects, at most MaxItems;
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
  private ItemReaders.Kind kind;
  private ObjectListing listing;

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
    ItemReader r = m.itemReader();
    try {
      kind = ItemReaders.kind(r);
    } catch (StatesException e) {
      run.readingFailed(e.error(), e.cause());
      return;
    }
    listing = kind == ItemReaders.Kind.LIST_OBJECTS_V2 ? new ObjectListing(maxItems) : null;
    MapRunCalls.schedule(f, r.resource(), request, reading(request, run));
  }

  private MapRunCalls.Then reading(JsonNode call, Run run) {
    return new MapRunCalls.Then() {
      @Override
      public void succeeded(JsonNode output) {
        try {
          items(call, output, run);
        } catch (StatesException e) {
          run.readingFailed(e.error(), StatesErrors.ITEM_READER_FAILED.equals(e.error()) ? e.cause() : Failures.describe(f, e));
        }
      }

      @Override
      public void failed(String error, String cause) {
        run.readingFailed(StatesErrors.ITEM_READER_FAILED, "The ItemReader's " + m.itemReader().resource() + " call failed with " + error
            + (cause == null ? "" : ": " + cause));
      }
    };
  }

  /** A reader call's result: the next listing page to ask for, or the items to run. */
  private void items(JsonNode call, JsonNode output, Run run) {
    JsonNode doc;
    if (kind == ItemReaders.Kind.LIST_OBJECTS_V2) {
      JsonNode next = listing.add(call, output);
      if (next != null) {
        MapRunCalls.schedule(f, m.itemReader().resource(), next, reading(next, run));
        return;
      }
      doc = listing.items();
    } else {
      doc = ItemReaders.content(m.itemReader().config(), call, output, maxItems);
    }
    JsonNode items = doc;
    if (m.itemsPath() != null) {
      items = m.itemsPath().read(new EvalScope(f, doc));
      if (items == null) {
        throw new StatesException(StatesErrors.ITEM_READER_FAILED,
            "ItemsPath '" + m.itemsPath().text() + "' selects nothing in what the ItemReader read");
      }
    }
    if (!items.isArray()) {
      String shown = Json.write(items);
      throw new StatesException(StatesErrors.ITEM_READER_FAILED, "The items the ItemReader read must be an array but were: "
          + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown));
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
