package io.stepwise.asl.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads definition text into a tree the way {@link Json#parse} does, except that a duplicate key
 * is reported (with the pointer of its object) instead of stopping the read, so that every
 * duplicate and every other problem can be listed at once. The last of duplicate keys wins.
 */
final class DefinitionReader {
  // Json.MAPPER detects duplicates strictly; this factory must not, so we can list them all.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).recyclerPool(Json.RECYCLER).build();

  private DefinitionReader() {}

  /** The tree, or null when the text is not JSON (then the report holds one syntax problem). */
  static JsonNode read(String text, Report report) {
    if (text == null || text.isBlank()) {
      report.add("", "the definition is empty");
      return null;
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      JsonNode root = value(p, "", report);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        report.add("", "invalid JSON" + where(p.currentTokenLocation()) + ": unexpected content after the definition");
        return null;
      }
      return root;
    } catch (JacksonException e) {
      report.add("", "invalid JSON" + where(e.getLocation()) + ": " + Json.message(e));
      return null;
    } catch (IOException e) {
      report.add("", "invalid JSON: " + e.getMessage());
      return null;
    }
  }

  private static JsonNode value(JsonParser p, String pointer, Report report) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> object(p, pointer, report);
      case START_ARRAY -> array(p, pointer, report);
      case VALUE_STRING -> Json.NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> Json.NODES.numberNode(p.getIntValue());
        case LONG -> Json.NODES.numberNode(p.getLongValue());
        default -> Json.NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> Json.NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> Json.NODES.booleanNode(true);
      case VALUE_FALSE -> Json.NODES.booleanNode(false);
      case VALUE_NULL -> Json.NODES.nullNode();
      default -> throw new IllegalStateException("unexpected token " + p.currentToken());
    };
  }

  private static ObjectNode object(JsonParser p, String pointer, Report report) throws IOException {
    ObjectNode o = Json.NODES.objectNode();
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      JsonNode v = value(p, isContainer(p) ? io.stepwise.asl.json.JsonPointers.child(pointer, key) : pointer, report);
      if (!seen.add(key)) {
        report.add(pointer, "duplicate key " + Site.quote(key));
      }
      o.set(key, v);
    }
    return o;
  }

  private static ArrayNode array(JsonParser p, String pointer, Report report) throws IOException {
    ArrayNode a = Json.NODES.arrayNode();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      a.add(value(p, isContainer(p) ? io.stepwise.asl.json.JsonPointers.child(pointer, a.size()) : pointer, report));
    }
    return a;
  }

  /** Only objects can hold duplicates, so only containers need their own pointer. */
  private static boolean isContainer(JsonParser p) {
    return p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY;
  }

  private static String where(JsonLocation at) {
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
