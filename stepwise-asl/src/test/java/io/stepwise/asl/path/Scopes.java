package io.stepwise.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.Map;

/** Test scopes built from JSON text. */
final class Scopes {
  private Scopes() {}

  static JsonNode json(String text) {
    try {
      return Json.parse(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static Scope input(String json) {
    return Scope.of(json(json), Json.NODES.objectNode());
  }

  static Scope of(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return Scope.of(input, context, variables, java.util.concurrent.ThreadLocalRandom.current());
  }
}
