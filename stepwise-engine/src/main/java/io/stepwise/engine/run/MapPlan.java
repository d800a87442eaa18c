package io.stepwise.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
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
      String error = m.common().queryLanguage() == QueryLanguage.JSONATA ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME;
      throw new StatesException(error, "Map state input must be an array but was: " + (items == null ? "null" : Json.write(items)));
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
    Integer max = integer(m.maxConcurrency(), scope);
    return max == null ? 0 : max;
  }

  /** The tolerances, which AWS reads after recording MapStateStarted. */
  MapPlan withLimits(MapState m) {
    Integer toleratedCount = integer(m.toleratedFailureCount(), scope);
    Double toleratedPercentage = decimal(m.toleratedFailurePercentage(), scope);
    if (toleratedPercentage != null && (toleratedPercentage < 0 || toleratedPercentage > 100)) {
      throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (toleratedCount != null && toleratedCount < 0) {
      throw new StatesException(StatesErrors.RUNTIME, "ToleratedFailureCount must be greater than or equal to 0.");
    }
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
    Integer maxItems = integer(b.maxItemsPerBatch(), scope);
    Integer maxBytes = integer(b.maxInputBytesPerBatch(), scope);
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

  static Integer integer(NumberField field, Scope scope) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case NumberField.Fixed fx -> (int) fx.value();
      case NumberField.FromPath p -> {
        JsonNode v = numeric(p.path().read(scope));
        if (v == null || !v.canConvertToExactIntegral()) {
          throw new StatesException(
              StatesErrors.RUNTIME,
              "The " + p.field() + " field refers to value \"" + show(v) + "\" which is not a valid integer: " + p.path().text());
        }
        yield v.intValue();
      }
      case NumberField.FromExpression e -> {
        JsonNode v = e.expression().evaluate(scope);
        if (v == null || !v.canConvertToExactIntegral()) {
          throw new StatesException(StatesErrors.QUERY_EVALUATION_ERROR, "The " + e.field() + " field must be an integer but was: " + show(v));
        }
        yield v.intValue();
      }
    };
  }

  private static Double decimal(NumberField field, EvalScope scope) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case NumberField.Fixed fx -> fx.value();
      case NumberField.FromPath p -> {
        JsonNode v = numeric(p.path().read(scope));
        if (v == null || !v.isNumber()) {
          throw new StatesException(
              StatesErrors.RUNTIME,
              "The " + p.field() + " field refers to value \"" + show(v) + "\" which is not a valid float: " + p.path().text());
        }
        yield v.doubleValue();
      }
      case NumberField.FromExpression e -> {
        JsonNode v = e.expression().evaluate(scope);
        if (v == null || !v.isNumber()) {
          throw new StatesException(StatesErrors.QUERY_EVALUATION_ERROR, "The " + e.field() + " field must be a number but was: " + show(v));
        }
        yield v.doubleValue();
      }
    };
  }

  /** AWS reads a number given as text ("1") as that number. */
  private static JsonNode numeric(JsonNode v) {
    if (v != null && v.isTextual()) {
      try {
        return Json.NODES.numberNode(new java.math.BigDecimal(v.textValue().trim()));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  private static String show(JsonNode v) {
    return v == null ? "null" : v.isTextual() ? v.textValue() : Json.write(v);
  }

}
