package io.stepwise.asl.model;

import java.util.List;

/**
 * An ItemReader's ReaderConfig. Null fields are absent.
 *
 * @param inputType CSV, JSON, JSONL, PARQUET or MANIFEST
 * @param csvHeaderLocation FIRST_ROW or GIVEN
 * @param csvHeaders the headers given with GIVEN
 * @param csvDelimiter COMMA, PIPE, SEMICOLON, SPACE or TAB
 * @param maxItems MaxItems or MaxItemsPath
 * @param itemsPointer a JSON Pointer to the array inside a JSON document
 * @param transformation NONE or LOAD_AND_FLATTEN (listObjectsV2)
 * @param manifestType ATHENA_DATA or S3_INVENTORY
 */
public record ReaderConfig(
    String inputType,
    String csvHeaderLocation,
    List<String> csvHeaders,
    String csvDelimiter,
    NumberField maxItems,
    String itemsPointer,
    String transformation,
    String manifestType) {
  public static final ReaderConfig NONE = new ReaderConfig(null, null, null, null, null, null, null, null);
}
