package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.NumberField;
import io.stepwise.asl.model.ReaderConfig;
import io.stepwise.engine.itemdata.ItemReaders;
import io.stepwise.engine.run.MapItems;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mocked Map's own fields give, as an execution would read them before its iterations:
 * the items (ItemsPath or JSONata Items; for a Distributed Map with an ItemReader, the test's
 * mapItemReaderData read per its ReaderConfig, ItemsPointer included), each iteration's input
 * after ItemSelector (with $$.Map.Item), the ItemBatcher's batches, MaxConcurrency (0 when
 * absent, as AWS reports it) and the tolerated failures.
 */
final class MapDetailsReader {
  private MapDetailsReader() {}

  static Inspection.MapDetails read(TestRun r, MapState m, JsonNode in) {
    TestScope scope = r.scope(in);
    JsonNode pointed = null;
    JsonNode items;
    if (m.itemReader() != null) {
      items = readerItems(r, m);
      pointed = m.itemReader().config().itemsPointer() == null ? null : items;
    } else {
      items = MapItems.of(m, in, scope);
    }
    JsonNode selected = null;
    JsonNode batched = null;
    int count = 0;
    if (items != null && items.isArray()) {
      count = items.size();
      List<JsonNode> inputs = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        inputs.add(m.itemSelector() == null ? items.get(i) : m.itemSelector().evaluate(itemScope(r, in, i, items.get(i))));
      }
      if (m.itemSelector() != null) {
        selected = array(inputs);
      }
      if (m.itemBatcher() != null) {
        batched = array(MapItems.batches(inputs, m.itemBatcher(), scope));
      }
    } else if (m.itemReader() == null && r.jsonata()) {
      throw new StatesException(StatesErrors.QUERY_EVALUATION_ERROR,
          "Map state input must be an array but was: " + (items == null ? "null" : Json.write(items)));
    } else if (m.itemReader() == null) {
      throw new StatesException(StatesErrors.RUNTIME, "Reference path \"" + referencePath(m) + "\" must point to array.");
    }
    Double tolerated = number(m.toleratedFailureCount(), scope);
    Double max = number(m.maxConcurrency(), scope);
    boolean itemsPath = !r.jsonata() && m.itemReader() == null;
    return new Inspection.MapDetails(itemsPath ? items : null, pointed, selected, batched, tolerated == null ? null : tolerated.intValue(),
        number(m.toleratedFailurePercentage(), scope), max == null ? 0 : max.intValue(), count);
  }

  /**
   * The ItemsPath as AWS's TestState names it when it finds no array: a path into the context
   * object ($$...) is written from its own root ($$.Execution.Input as $.Execution.Input).
   */
  private static String referencePath(MapState m) {
    String path = m.itemsPath() == null ? "$" : m.itemsPath().text();
    return path.startsWith("$$") ? path.substring(1) : path;
  }

  /** The mapItemReaderData as the reader would parse its source; without it, no items are known. */
  private static JsonNode readerItems(TestRun r, MapState m) {
    String data = r.settings.itemReaderData();
    if (data == null) {
      return null;
    }
    ReaderConfig config = m.itemReader().config();
    JsonNode items = ItemReaders.content(config, null, Json.NODES.textNode(data), 0);
    if (!items.isArray()) {
      throw new StatesException(StatesErrors.ITEM_READER_FAILED, "The mapItemReaderData must hold an array of items"
          + (config.itemsPointer() == null ? "" : " at ItemsPointer '" + config.itemsPointer() + "'") + " but was: "
          + ItemReaders.shown(items));
    }
    return items;
  }

  /**
   * Whether mapIterationFailureCount failed iterations exceed the Map's declared tolerance. A Map
   * declaring none is not judged (AWS's recorded TestState answers it SUCCEEDED).
   */
  static boolean exceedsTolerance(Inspection.MapDetails d, Integer failed) {
    if (failed == null || (d.toleratedFailureCount() == null && d.toleratedFailurePercentage() == null)) {
      return false;
    }
    boolean countOk = d.toleratedFailureCount() == null || failed <= d.toleratedFailureCount();
    boolean pctOk = d.toleratedFailurePercentage() == null
        || (d.itemCount() == 0 ? failed == 0 : failed * 100.0 / d.itemCount() <= d.toleratedFailurePercentage());
    boolean tolerated = d.toleratedFailureCount() == null ? pctOk : d.toleratedFailurePercentage() == null ? countOk : countOk || pctOk;
    return !tolerated;
  }

  private static ArrayNode array(List<JsonNode> values) {
    ArrayNode out = Json.NODES.arrayNode();
    values.forEach(out::add);
    return out;
  }

  private static TestScope itemScope(TestRun r, JsonNode in, int index, JsonNode value) {
    ObjectNode context = r.context.deepCopy();
    ObjectNode item = context.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return new TestScope(in, context, r.variables, null, null, r.scope(in).random(), r.clock);
  }

  private static Double number(NumberField field, TestScope scope) {
    if (field == null) {
      return null;
    }
    JsonNode v = switch (field) {
      case NumberField.Fixed f -> Json.NODES.numberNode(f.value());
      case NumberField.FromPath p -> p.path().read(scope);
      case NumberField.FromExpression e -> e.expression().evaluate(scope);
    };
    if (v == null || !v.isNumber() || v.asDouble() < 0) {
      throw new StatesException(StatesErrors.RUNTIME, "The " + field.field() + " field references an invalid value");
    }
    return v.asDouble();
  }
}
