package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.model.ReaderConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code s3:getObject} reader of an S3 Inventory {@code manifest.json} (ManifestType
 * S3_INVENTORY, or InputType MANIFEST as older documentation has it). The manifest's
 * {@code files} are the inventory's CSV files, read in order from the manifest's bucket (where
 * S3 Inventory writes them beside it); each row is one item, an object of the manifest's
 * {@code fileSchema} columns (e.g. {@code {"Bucket", "Key", "Size", "LastModifiedDate"}}), every
 * value a string as the CSV has it. The files have no header row; a gzipped file (S3 Inventory
 * writes {@code .csv.gz}) arrives decompressed from the S3 integration.
 */
final class InventoryManifest implements DatasetReader {
  private final ReaderCall manifest;
  private final ReaderConfig config;
  private final ListedObjects objects;
  private List<String> schema;

  InventoryManifest(String resource, JsonNode request, ReaderConfig config, int maxItems) {
    this.manifest = ReaderCall.of(resource, request);
    this.config = config;
    this.objects = new ListedObjects(resource, maxItems);
  }

  @Override
  public ReaderCall first() {
    return manifest;
  }

  @Override
  public ReaderCall answered(ReaderCall call, JsonNode output) {
    if (call.object() == null) {
      read(call.request(), output);
    } else {
      String text = ItemReaders.text(call.request(), output, "CSV");
      objects.addAll(CsvItems.parse(text, CsvItems.delimiter(config.csvDelimiter()), schema, objects.room()));
    }
    return objects.next();
  }

  /** The manifest: its columns and its files. */
  private void read(JsonNode request, JsonNode output) {
    String what = "The S3 inventory manifest (" + ItemReaders.where(request) + ")";
    JsonNode m = output.isTextual() ? ItemReaders.parse(output.textValue(), request, null) : output;
    if (!m.isObject()) {
      throw ItemReaders.failed(what + " must be a JSON object but was: " + ItemReaders.shown(m));
    }
    JsonNode format = m.get("fileFormat");
    if (format != null && !"CSV".equalsIgnoreCase(format.asText())) {
      throw ItemReaders.failed(what + " lists files of fileFormat " + format.asText() + "; an ItemReader reads CSV inventories only");
    }
    JsonNode columns = m.get("fileSchema");
    if (columns == null || !columns.isTextual() || columns.textValue().isBlank()) {
      throw ItemReaders.failed(what + " has no /fileSchema, the comma-separated names of its columns");
    }
    schema = new ArrayList<>();
    for (String column : columns.textValue().split(",")) {
      schema.add(column.trim());
    }
    JsonNode files = m.get("files");
    if (files == null || !files.isArray()) {
      throw ItemReaders.failed(what + " has no /files, the array of its data files");
    }
    String bucket = request.path("Bucket").asText();
    for (int i = 0; i < files.size(); i++) {
      JsonNode key = files.get(i).path("key");
      if (!key.isTextual() || key.textValue().isEmpty()) {
        throw ItemReaders.failed(what + " has no key at /files/" + i + "/key");
      }
      objects.add(bucket, key.textValue());
    }
  }

  @Override
  public JsonNode dataset() {
    return objects.items();
  }
}
