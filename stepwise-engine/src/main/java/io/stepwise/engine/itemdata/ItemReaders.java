package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.asl.error.StatesErrors;
import io.stepwise.asl.error.StatesException;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ItemReader;
import io.stepwise.asl.model.ReaderConfig;

/**
 * What an ItemReader's call returned, parsed into the dataset a Distributed Map iterates over.
 * {@code s3:getObject} returns the object's content: its body as a JSON string (as S3 returns
 * it), or for JSON input an already-parsed JSON value. {@code s3:listObjectsV2} returns the
 * ListObjectsV2 response, which {@link ObjectListing} turns into one item per object.
 */
public final class ItemReaders {
  private ItemReaders() {}

  /** The two readers the engine carries out. */
  public enum Kind {
    GET_OBJECT,
    LIST_OBJECTS_V2
  }

  /**
   * Which reader the resource names, or a States.ItemReaderFailed naming the field the engine
   * cannot carry out: an unknown resource, PARQUET, MANIFEST and LOAD_AND_FLATTEN.
   */
  public static Kind kind(ItemReader r) {
    Kind kind = kindOf(r.resource());
    if (kind == null) {
      throw failed("ItemReader.Resource '" + r.resource() + "' is not supported; supported are "
          + "arn:aws:states:::s3:getObject and arn:aws:states:::s3:listObjectsV2");
    }
    ReaderConfig c = r.config();
    if (c.manifestType() != null) {
      throw failed("ItemReader.ReaderConfig.ManifestType " + c.manifestType() + " is not supported yet");
    }
    if (c.transformation() != null && !"NONE".equals(c.transformation())) {
      throw failed("ItemReader.ReaderConfig.Transformation " + c.transformation() + " is not supported yet; supported is NONE");
    }
    String type = c.inputType();
    if (kind == Kind.GET_OBJECT && type != null && !type.equals("JSON") && !type.equals("JSONL") && !type.equals("CSV")) {
      throw failed("ItemReader.ReaderConfig.InputType " + type + " is not supported yet; supported are JSON, JSONL and CSV");
    }
    if (kind == Kind.LIST_OBJECTS_V2 && type != null) {
      throw failed("ItemReader.ReaderConfig.InputType " + type + " with s3:listObjectsV2 needs Transformation LOAD_AND_FLATTEN, "
          + "which is not supported yet");
    }
    if ("CSV".equals(type) && c.csvHeaderLocation() == null) {
      throw failed("ItemReader.ReaderConfig.CSVHeaderLocation is required with InputType CSV (FIRST_ROW or GIVEN)");
    }
    return kind;
  }

  private static Kind kindOf(String resource) {
    if (resource == null || !resource.startsWith("arn:")) {
      return null;
    }
    if (resource.endsWith(":states:::s3:getObject")) {
      return Kind.GET_OBJECT;
    }
    if (resource.endsWith(":states:::s3:listObjectsV2")) {
      return Kind.LIST_OBJECTS_V2;
    }
    return null;
  }

  /**
   * The dataset in an object's content, per ReaderConfig.InputType (JSON when absent): a JSON
   * document (after ItemsPointer), or an array of JSON Lines values or CSV rows.
   *
   * @param maxItems MaxItems for JSONL and CSV, which stop reading there; 0 for all
   */
  public static JsonNode content(ReaderConfig c, JsonNode request, JsonNode content, int maxItems) {
    String type = c.inputType() == null ? "JSON" : c.inputType();
    if (!content.isTextual()) {
      if (!type.equals("JSON")) {
        throw failed("The content of " + where(request) + " must be text for InputType " + type + " but was: " + Json.write(content));
      }
      return pointer(c, request, content);
    }
    String text = content.textValue();
    return switch (type) {
      case "JSON" -> pointer(c, request, parse(text, request, null));
      case "JSONL" -> lines(text, request, maxItems);
      default -> CsvItems.parse(text, CsvItems.delimiter(c.csvDelimiter()),
          "GIVEN".equals(c.csvHeaderLocation()) ? c.csvHeaders() : null, maxItems);
    };
  }

  private static JsonNode pointer(ReaderConfig c, JsonNode request, JsonNode doc) {
    if (c.itemsPointer() == null) {
      return doc;
    }
    JsonNode v;
    try {
      v = doc.at(c.itemsPointer());
    } catch (IllegalArgumentException e) {
      throw failed("ItemReader.ReaderConfig.ItemsPointer '" + c.itemsPointer() + "' is not a JSON Pointer");
    }
    if (v.isMissingNode()) {
      throw failed("ItemReader.ReaderConfig.ItemsPointer '" + c.itemsPointer() + "' selects nothing in " + where(request));
    }
    return v;
  }

  private static ArrayNode lines(String text, JsonNode request, int maxItems) {
    ArrayNode items = Json.NODES.arrayNode();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length && (maxItems <= 0 || items.size() < maxItems); i++) {
      if (!lines[i].isBlank()) {
        items.add(parse(lines[i], request, i + 1));
      }
    }
    return items;
  }

  private static JsonNode parse(String text, JsonNode request, Integer line) {
    try {
      return Json.parse(text);
    } catch (JsonProcessingException e) {
      String at = line == null ? "" : " at line " + line;
      throw failed("The content of " + where(request) + " is not valid JSON" + at + ": " + Json.message(e));
    }
  }

  /** "the object 'key' in bucket 'bucket'", from the request the reader made. */
  static String where(JsonNode request) {
    if (request != null && request.has("Key")) {
      return "the object '" + request.get("Key").asText() + "' in bucket '" + request.path("Bucket").asText() + "'";
    }
    return "the object read";
  }

  static StatesException failed(String cause) {
    return new StatesException(StatesErrors.ITEM_READER_FAILED, cause);
  }
}
