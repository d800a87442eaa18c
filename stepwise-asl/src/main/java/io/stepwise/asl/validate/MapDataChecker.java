package io.stepwise.asl.validate;

import io.stepwise.asl.model.QueryLanguage;
import java.util.Set;

/** A distributed Map's ItemReader, ItemBatcher and ResultWriter. */
final class MapDataChecker {
  private static final Set<String> READER_FIELDS = Set.of("Resource", "ReaderConfig", "Parameters", "Arguments");
  private static final Set<String> READER_CONFIG_FIELDS = Set.of(
      "InputType", "CSVHeaders", "CSVHeaderLocation", "CSVDelimiter", "MaxItems", "MaxItemsPath",
      "Transformation", "ManifestType", "ItemsPointer");
  private static final Set<String> BATCHER_FIELDS = Set.of(
      "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
  private static final Set<String> WRITER_FIELDS = Set.of("Resource", "Parameters", "Arguments", "WriterConfig");
  static final long MAX_ITEMS = 100_000_000L;
  static final long MAX_BATCH_BYTES = 262_144L; // 256 KiB, the payload limit

  private MapDataChecker() {}

  static void check(Site map, QueryLanguage ql, boolean distributed) {
    for (String f : new String[] {"ItemReader", "ItemBatcher", "ResultWriter"}) {
      if (map.has(f) && !distributed) {
        map.problem(f, "requires ProcessorConfig Mode DISTRIBUTED");
      }
    }
    if (map.object("ItemReader")) {
      reader(map.field("ItemReader"), ql);
    }
    if (map.object("ItemBatcher")) {
      batcher(map.field("ItemBatcher"), ql);
    }
    if (map.object("ResultWriter")) {
      writer(map.field("ResultWriter"), ql);
    }
  }

  private static void reader(Site r, QueryLanguage ql) {
    StateFields.screen(r, READER_FIELDS, ql);
    if (r.require("Resource")) {
      TaskChecker.resource(r, "Resource");
    }
    s3Arguments(r, ql);
    if (!r.object("ReaderConfig")) {
      return;
    }
    Site c = r.field("ReaderConfig");
    StateFields.screen(c, READER_CONFIG_FIELDS, ql);
    String inputType = c.oneOf("InputType", "CSV", "JSON", "JSONL", "MANIFEST", "PARQUET");
    c.oneOf("CSVHeaderLocation", "FIRST_ROW", "GIVEN");
    c.oneOf("CSVDelimiter", "COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB");
    String transformation = c.oneOf("Transformation", "NONE", "LOAD_AND_FLATTEN");
    String manifestType = c.oneOf("ManifestType", "ATHENA_DATA", "S3_INVENTORY");
    combinations(c, inputType, transformation, manifestType);
    c.text("ItemsPointer");
    if (c.array("CSVHeaders", true)) {
      Site headers = c.field("CSVHeaders");
      for (int i = 0; i < headers.node.size(); i++) {
        if (!headers.node.get(i).isTextual()) {
          headers.item(i).problem("must be a string");
        }
      }
    }
    if ("GIVEN".equals(c.node.path("CSVHeaderLocation").asText()) && !c.has("CSVHeaders")) {
      c.problem("\"CSVHeaders\" is required with CSVHeaderLocation GIVEN");
    }
    c.atMostOne("MaxItems", "MaxItemsPath");
    FixedOrExpression.integer(c, "MaxItems", 0, MAX_ITEMS, ql);
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.singleValuePath(c, "MaxItemsPath");
    }
  }

  /**
   * What AWS's ItemReader page says cannot go together (inferred to be refused when the
   * definition is checked): LOAD_AND_FLATTEN needs the listed objects' InputType, an S3 inventory
   * takes none (MANIFEST, its older name, aside), and an S3 inventory is not Athena data.
   */
  private static void combinations(Site c, String inputType, String transformation, String manifestType) {
    if ("LOAD_AND_FLATTEN".equals(transformation) && !c.has("InputType")) {
      c.problem("\"InputType\" is required with Transformation LOAD_AND_FLATTEN");
    }
    if ("S3_INVENTORY".equals(manifestType) && inputType != null && !inputType.equals("MANIFEST")) {
      c.problem("InputType", "cannot be set with ManifestType S3_INVENTORY: an S3 inventory's files are CSV, as its manifest says");
    }
    if ("ATHENA_DATA".equals(manifestType) && "MANIFEST".equals(inputType)) {
      c.problem("InputType", "MANIFEST (an S3 inventory manifest) cannot be read with ManifestType ATHENA_DATA");
    }
  }

  private static void batcher(Site b, QueryLanguage ql) {
    StateFields.screen(b, BATCHER_FIELDS, ql);
    b.atMostOne("MaxItemsPerBatch", "MaxItemsPerBatchPath");
    b.atMostOne("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    FixedOrExpression.integer(b, "MaxItemsPerBatch", 1, Long.MAX_VALUE, ql);
    FixedOrExpression.integer(b, "MaxInputBytesPerBatch", 1, MAX_BATCH_BYTES, ql);
    if (ql == QueryLanguage.JSONPATH) {
      PathChecks.singleValuePath(b, "MaxItemsPerBatchPath");
      PathChecks.singleValuePath(b, "MaxInputBytesPerBatchPath");
      PayloadTemplates.check(b, "BatchInput", false);
    } else {
      JsonataChecks.field(b, "BatchInput");
    }
  }

  private static void writer(Site w, QueryLanguage ql) {
    StateFields.screen(w, WRITER_FIELDS, ql);
    if (w.has("Resource")) {
      TaskChecker.resource(w, "Resource");
    } else if (w.has("Parameters") || w.has("Arguments")) {
      w.problem("\"Resource\" is required with " + (w.has("Parameters") ? "\"Parameters\"" : "\"Arguments\""));
    } else if (!w.has("WriterConfig")) {
      w.problem("\"Resource\" or \"WriterConfig\" is required");
    }
    s3Arguments(w, ql);
    if (w.object("WriterConfig")) {
      Site c = w.field("WriterConfig");
      c.allowOnly(Set.of("OutputType", "Transformation"));
      if (c.require("OutputType")) {
        c.oneOf("OutputType", "JSON", "JSONL");
      }
      c.oneOf("Transformation", "NONE", "COMPACT", "FLATTEN");
    }
  }

  /** The S3 request: Parameters (a payload template) or Arguments (JSONata). */
  private static void s3Arguments(Site s, QueryLanguage ql) {
    if (ql == QueryLanguage.JSONPATH) {
      PayloadTemplates.check(s, "Parameters", true);
    } else {
      StateChecker.objectOrExpression(s, "Arguments");
    }
  }
}
