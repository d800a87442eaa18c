package io.stepwise.asl.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.expr.Scope;
import io.stepwise.asl.json.Json;
import java.util.HashMap;
import java.util.Map;

/** States.StringToJson, JsonToString and JsonMerge. */
final class JsonFunctions {
  private JsonFunctions() {}

  /** Parses JSON text; blank text gives null, as AWS returns for "" and " ". */
  static JsonNode stringToJson(Args args, Scope scope) {
    String text = args.text(0);
    if (text.isBlank()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      throw args.fail("the argument is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode jsonToString(Args args, Scope scope) {
    try {
      return Json.NODES.textNode(Json.write(args.get(0)));
    } catch (Json.TooDeepException e) {
      throw args.fail("the argument is nested more than " + Json.MAX_DEPTH + " levels deep, too deep to write as JSON text");
    }
  }

  /**
   * The fields of both objects, the second's winning. AWS only supports the shallow merge, and
   * returns the fields in the iteration order of a Java HashMap (seen in the corpus), so do we.
   */
  static JsonNode merge(Args args, Scope scope) {
    ObjectNode first = args.object(0);
    ObjectNode second = args.object(1);
    if (args.bool(2)) {
      throw args.fail("deep merging is not supported; the third argument must be false");
    }
    Map<String, JsonNode> merged = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : first.properties()) {
      merged.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonNode> e : second.properties()) {
      merged.put(e.getKey(), e.getValue());
    }
    ObjectNode out = Json.NODES.objectNode();
    merged.forEach(out::set);
    return out;
  }
}
