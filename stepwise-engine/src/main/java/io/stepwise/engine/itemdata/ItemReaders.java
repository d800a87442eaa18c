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
 * The readers a Distributed Map's ItemReader names, and how what their calls return is parsed.
 * {@code s3:getObject} returns the object's content: its body as a JSON string (decompressed, if
 * it was gzip), or for JSON input an already-parsed JSON value. {@code s3:listObjectsV2} returns
 * the ListObjectsV2 response.
 */
public final class ItemReaders {
  private ItemReaders() {}

  /**
   * The reader for an ItemReader, its request evaluated; or a States.ItemReaderFailed naming the
   * field when the engine cannot carry it out (another resource, PARQUET) or ReaderConfig's
   * fields contradict each other.
   *
   * @param maxItems MaxItems across the whole dataset; 0 for all
   */
  public static DatasetReader reader(ItemReader r, JsonNode request, int maxItems) {
    String resource = r.resource();
    boolean get = resource != null && resource.startsWith("arn:") && resource.endsWith(":states:::s3:getObject");
    boolean list = resource != null && resource.startsWith("arn:") && resource.endsWith(":states:::s3:listObjectsV2");
    if (!get && !list) {
      throw failed("ItemReader.Resource '" + resource + "' is not supported; supported are "
          + "arn:aws:states:::s3:getObject and arn:aws:states:::s3:listObjectsV2");
    }
    ReaderConfig c = r.config();
    String type = c.inputType();
    boolean flatten = "LOAD_AND_FLATTEN".equals(c.transformation());
    if (get) {
      if (flatten) {
        throw failed("ItemReader.ReaderConfig.Transformation LOAD_AND_FLATTEN reads the objects an s3:listObjectsV2 listing names;"
            + " it cannot be used with s3:getObject");
      }
      if ("S3_INVENTORY".equals(c.manifestType()) || ("MANIFEST".equals(type) && c.manifestType() == null)) {
        if (type != null && !type.equals("MANIFEST")) {
          throw failed("ItemReader.ReaderConfig.InputType " + type + " cannot be used with ManifestType S3_INVENTORY:"
              + " an S3 inventory's files are CSV as its manifest describes them; leave InputType out");
        }
        return new InventoryManifest(resource, request, c, maxItems);
      }
      if ("ATHENA_DATA".equals(c.manifestType())) {
        athenaType(c);
        return new AthenaManifest(resource, request, c, maxItems);
      }
      textType(c, "");
      return new SingleObject(resource, request, c, maxItems);
    }
    if (c.manifestType() != null) {
      throw failed("ItemReader.ReaderConfig.ManifestType " + c.manifestType() + " names a manifest object, read with"
          + " arn:aws:states:::s3:getObject; it cannot be used with s3:listObjectsV2");
    }
    if (flatten) {
      if (type == null) {
        throw failed("ItemReader.ReaderConfig.InputType is required with Transformation LOAD_AND_FLATTEN: JSON, JSONL or CSV");
      }
      textType(c, " with Transformation LOAD_AND_FLATTEN");
      return new ListedContents(resource, request, c, maxItems);
    }
    if (type != null) {
      throw failed("ItemReader.ReaderConfig.InputType " + type + " with s3:listObjectsV2 needs Transformation LOAD_AND_FLATTEN,"
          + " which reads the listed objects' content");
    }
    return new ObjectListing(resource, request, maxItems);
  }

  /** Athena's UNLOAD writes CSV, JSONL or PARQUET; the engine reads the first two. */
  private static void athenaType(ReaderConfig c) {
    String type = c.inputType();
    if (type == null) {
      throw failed("ItemReader.ReaderConfig.InputType is required with ManifestType ATHENA_DATA; supported for Athena data are CSV and JSONL");
    }
    if (type.equals("PARQUET")) {
      throw failed("ItemReader.ReaderConfig.InputType PARQUET is not supported yet; supported for Athena data are CSV and JSONL");
    }
    if (!type.equals("CSV") && !type.equals("JSONL")) {
      throw failed("ItemReader.ReaderConfig.InputType " + type + " cannot be used with ManifestType ATHENA_DATA; Athena's UNLOAD writes"
          + " CSV, JSONL or PARQUET, and supported are CSV and JSONL");
    }
    csvHeaders(c);
  }

  /** The object's own InputType (JSON when absent) must be one the engine parses. */
  private static void textType(ReaderConfig c, String with) {
    String type = c.inputType();
    if (type != null && !type.equals("JSON") && !type.equals("JSONL") && !type.equals("CSV")) {
      throw failed("ItemReader.ReaderConfig.InputType " + type + (type.equals("PARQUET") ? " is not supported yet" : " cannot be used" + with)
          + "; supported are JSON, JSONL and CSV");
    }
    csvHeaders(c);
  }

  private static void csvHeaders(ReaderConfig c) {
    if ("CSV".equals(c.inputType()) && c.csvHeaderLocation() == null) {
      throw failed("ItemReader.ReaderConfig.CSVHeaderLocation is required with InputType CSV (FIRST_ROW or GIVEN)");
    }
  }

  /** The ARN of another S3 action beside a reader's: {@code ...:s3:listObjectsV2} to {@code ...:s3:getObject}. */
  static String sibling(String resource, String action) {
    return resource.substring(0, resource.lastIndexOf(':') + 1) + action;
  }

  /**
   * The dataset in an object's content, per ReaderConfig.InputType (JSON when absent): a JSON
   * document (after ItemsPointer), or an array of JSON Lines values or CSV rows.
   *
   * @param maxItems MaxItems for JSONL and CSV, which stop reading there; 0 for all
   */
  public static JsonNode content(ReaderConfig c, JsonNode request, JsonNode content, int maxItems) {
    String type = c.inputType() == null ? "JSON" : c.inputType();
    if (type.equals("JSON") && !content.isTextual()) {
      return pointer(c, request, content);
    }
    String text = text(request, content, type);
    return switch (type) {
      case "JSON" -> pointer(c, request, parse(text, request, null));
      case "JSONL" -> lines(text, request, maxItems);
      default -> CsvItems.parse(text, CsvItems.delimiter(c.csvDelimiter()),
          "GIVEN".equals(c.csvHeaderLocation()) ? c.csvHeaders() : null, maxItems);
    };
  }

  /** An object's content as items to flatten into a dataset: what {@link #content} reads, which must be an array. */
  static JsonNode items(ReaderConfig c, JsonNode request, JsonNode content, int maxItems) {
    JsonNode items = content(c, request, content, maxItems);
    if (!items.isArray()) {
      throw failed("The content of " + where(request) + " must be a JSON array of items" + (c.itemsPointer() == null ? "" : " at ItemsPointer '"
          + c.itemsPointer() + "'") + " but was: " + shown(items));
    }
    return items;
  }

  /** The content as text, which every input type but an already-parsed JSON value is. */
  static String text(JsonNode request, JsonNode content, String type) {
    if (!content.isTextual()) {
      throw failed("The content of " + where(request) + " must be text for InputType " + type + " but was: " + shown(content));
    }
    return content.textValue();
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

  static JsonNode parse(String text, JsonNode request, Integer line) {
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

  /** A value for a message, cut at 200 characters. */
  public static String shown(JsonNode v) {
    String s = Json.write(v);
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  static StatesException failed(String cause) {
    return new StatesException(StatesErrors.ITEM_READER_FAILED, cause);
  }
}
