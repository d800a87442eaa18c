package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.model.ItemBatcher;
import io.stepwise.asl.model.MapState;
import java.util.List;

/** A Map state's items: its {@code Items} (JSONata), its {@code ItemsPath}, or its whole input; one reading for executions and TestState. */
public final class MapItems {
  private MapItems() {}

  /**
   * The items as the state names them (not yet checked to be an array: the caller words that
   * failure); an ItemsPath that finds nothing fails with {@code States.Runtime}.
   */
  public static JsonNode of(MapState m, JsonNode in, Scope scope) {
    if (m.items() != null) {
      return m.items().evaluate(scope);
    }
    if (m.itemsPath() != null) {
      JsonNode items = m.itemsPath().read(scope);
      if (items == null) {
        throw new StatesException(StatesErrors.RUNTIME, MissingPath.describe(m.itemsPath().text(), in));
      }
      return items;
    }
    return in;
  }

  /** The ItemBatcher's batches of these (selected) items, each {@code {"Items": [...], "BatchInput": ...}}, as executions make them. */
  public static List<JsonNode> batches(List<JsonNode> items, ItemBatcher batcher, Scope scope) {
    return MapPlan.batch(items, batcher, scope);
  }
}
