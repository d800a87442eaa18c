package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.RuntimeCauses;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ItemBatcher;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.NumberField;
import io.stepwise.asl.model.QueryLanguage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Map state will run, worked out when it starts: each iteration's input (items through
 * ItemSelector, then ItemBatcher), how many run at once, and how many failures it tolerates.
 */
record MapPlan(List<JsonNode> inputs, int maxConcurrency, Integer toleratedCount, Double toleratedPercentage, EvalScope scope) {

  static MapPlan of(Frame f, MapState m) {
    JsonNode in = Pipeline.inputPath(m.common().inputPath(), f.input, f);
    EvalScope scope = f.scope(in);
    JsonNode items = MapItems.of(m, in, scope);
    if (items == null || !items.isArray()) {
      throw RuntimeCauses.itemsNotArray(m.common().queryLanguage() == QueryLanguage.JSONATA, items);
    }
    return from(f, m, in, items);
  }

  /** The plan for these items (from the input, or from an ItemReader): ItemSelector, then ItemBatcher. */
  static MapPlan from(Frame f, MapState m, JsonNode in, JsonNode items) {
    EvalScope scope = f.scope(in);
    List<JsonNode> selected = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode value = items.get(i);
      if (m.itemSelector() != null) {
        value = m.itemSelector().evaluate(new EvalScope(f, in, new EvalScope.MapItem(i, value, null)));
      }
      selected.add(value);
    }
    List<JsonNode> inputs = m.itemBatcher() == null ? selected : batch(selected, m.itemBatcher(), scope);
    return new MapPlan(inputs, concurrency(m, scope), null, null, scope);
  }

  /** MaxConcurrency is read before MapStateStarted is recorded; 0 means no limit. */
  private static int concurrency(MapState m, EvalScope scope) {
    // AWS lets a negative MaxConcurrencyPath through (its execution never ended, as recorded)
    Integer max = integer(m.maxConcurrency(), scope);
    return max == null ? 0 : max;
  }

  /** The tolerances, which AWS reads after recording MapStateStarted. */
  MapPlan withLimits(MapState m) {
    Integer toleratedCount = RuntimeValues.integer(m.toleratedFailureCount(), scope, 0);
    Double toleratedPercentage = RuntimeValues.percentage(m.toleratedFailurePercentage(), scope);
    return new MapPlan(inputs, maxConcurrency, toleratedCount, toleratedPercentage, scope);
  }

  boolean tolerates(int failed, int total) {
    if (toleratedCount == null && toleratedPercentage == null) {
      return false;
    }
    boolean countOk = toleratedCount == null || failed <= toleratedCount;
    boolean pctOk = toleratedPercentage == null || failed * 100.0 / total <= toleratedPercentage;
    if (toleratedCount == null) {
      return pctOk;
    }
    if (toleratedPercentage == null) {
      return countOk;
    }
    return countOk || pctOk;
  }

  String[] thresholdFailure() {
    return new String[] {
      StatesErrors.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded"
    };
  }

  static List<JsonNode> batch(List<JsonNode> items, ItemBatcher b, Scope scope) {
    Integer maxItems = RuntimeValues.integer(b.maxItemsPerBatch(), scope, 1);
    Integer maxBytes = RuntimeValues.integer(b.maxInputBytesPerBatch(), scope, 1);
    JsonNode batchInput = b.batchInput() == null ? null : b.batchInput().evaluate(scope);
    List<JsonNode> batches = new ArrayList<>();
    ArrayNode current = null;
    int bytes = 0;
    for (JsonNode item : items) {
      int size = maxBytes == null ? 0 : Json.write(item).getBytes(StandardCharsets.UTF_8).length;
      boolean full =
          current != null
              && ((maxItems != null && current.size() >= maxItems) || (maxBytes != null && bytes + size > maxBytes));
      if (current == null || full) {
        current = Json.NODES.arrayNode();
        ObjectNode batch = Json.NODES.objectNode();
        if (batchInput != null) {
          batch.set("BatchInput", batchInput);
        }
        batch.set("Items", current);
        batches.add(batch);
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    return batches;
  }

  /** An integer Map field read as {@link RuntimeValues} reads it, with no range of its own. */
  static Integer integer(NumberField field, Scope scope) {
    return RuntimeValues.integer(field, scope);
  }
}
