package io.stepwise.engine.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.MapState;
import io.stepwise.asl.model.NumberField;
import io.stepwise.engine.run.MapItems;

/**
 * What a mocked Map's own fields give, as an execution would read them before its iterations:
 * the items (ItemsPath or JSONata Items), each iteration's input after ItemSelector (with
 * $$.Map.Item), MaxConcurrency and the tolerated failures. A Distributed Map's ItemReader is not
 * read: its items are then the effective input's, if it is an array.
 */
final class MapDetailsReader {
  private MapDetailsReader() {}

  static Inspection.MapDetails read(TestRun r, MapState m, JsonNode in) {
    TestScope scope = r.scope(in);
    JsonNode items = MapItems.of(m, in, scope);
    JsonNode selected = null;
    if (items != null && items.isArray()) {
      ArrayNode out = Json.NODES.arrayNode();
      for (int i = 0; i < items.size(); i++) {
        out.add(m.itemSelector() == null ? items.get(i) : m.itemSelector().evaluate(itemScope(r, in, i, items.get(i))));
      }
      selected = out;
    } else if (m.itemReader() == null) {
      String error = r.jsonata() ? StatesErrors.QUERY_EVALUATION_ERROR : StatesErrors.RUNTIME;
      throw new StatesException(error, "Map state input must be an array but was: " + (items == null ? "null" : Json.write(items)));
    }
    Double count = number(m.toleratedFailureCount(), scope);
    Double max = number(m.maxConcurrency(), scope);
    return new Inspection.MapDetails(r.jsonata() ? null : items, selected, count == null ? null : count.intValue(),
        number(m.toleratedFailurePercentage(), scope), max == null ? null : max.intValue());
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
