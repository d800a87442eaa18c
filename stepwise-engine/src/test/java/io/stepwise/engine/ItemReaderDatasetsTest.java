package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * ItemReaders whose dataset is many objects: an S3 inventory's manifest and its CSV files, an
 * Athena manifest's data files, and a listing's objects with LOAD_AND_FLATTEN. The reader asks for
 * each object in turn; MaxItems counts across all of them.
 */
class ItemReaderDatasetsTest {
  static final String GET = ItemReaderTest.GET;
  static final String LIST = ItemReaderTest.LIST;
  static final String SCHEMA_MANIFEST = """
      {"sourceBucket":"photos","destinationBucket":"arn:aws:s3:::inventory","version":"2016-11-30",
       "fileFormat":"CSV","fileSchema":"Bucket, Key, Size, LastModifiedDate",
       "files":[{"key":"photos/daily/data/a.csv.gz","size":120,"MD5checksum":"x"},
                {"key":"photos/daily/data/b.csv.gz","size":80,"MD5checksum":"y"}]}""";

  /** The objects the S3 stand-in of these tests holds, by "bucket/key": text, or a parsed JSON value. */
  private final Map<String, JsonNode> objects = new TreeMap<>();
  private final List<TaskRequest> calls = new CopyOnWriteArrayList<>();

  private void put(String bucketAndKey, String text) {
    objects.put(bucketAndKey, Json.NODES.textNode(text));
  }

  private Engine engine() {
    return Fixtures.engine().invoker(GET, r -> {
      calls.add(r);
      JsonNode o = objects.get(r.input().path("Bucket").asText() + "/" + r.input().path("Key").asText());
      if (o == null) {
        throw new TaskFailure("S3.NoSuchKeyException", "The specified key does not exist.");
      }
      return o;
    }).invoker(LIST, r -> {
      calls.add(r);
      return page(r.input());
    }).build();
  }

  /** A ListObjectsV2 page of two keys at most, the continuation token the index of the next. */
  private ObjectNode page(JsonNode in) {
    String bucket = in.path("Bucket").asText();
    String prefix = bucket + "/" + in.path("Prefix").asText("");
    List<String> keys = objects.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(bucket.length() + 1)).toList();
    int from = in.path("ContinuationToken").asInt(0);
    ObjectNode page = Json.NODES.objectNode().put("Name", bucket);
    ArrayNode contents = page.putArray("Contents");
    for (int i = from; i < Math.min(from + 2, keys.size()); i++) {
      JsonNode o = objects.get(bucket + "/" + keys.get(i));
      contents.addObject().put("Key", keys.get(i)).put("Size", o.asText().length()).put("LastModified", "2026-01-01T00:00:00Z");
    }
    page.put("IsTruncated", from + 2 < keys.size());
    if (from + 2 < keys.size()) {
      page.put("NextContinuationToken", Integer.toString(from + 2));
    }
    return page;
  }

  private ExecutionResult run(String reader) {
    try (Engine engine = engine()) {
      return engine.run(Fixtures.machine(ItemReaderTest.machine(reader, "")), "{}", Fixtures.options());
    }
  }

  private static String reader(String resource, String config, String parameters) {
    return "{\"Resource\":\"" + resource + "\",\"ReaderConfig\":" + config + ",\"Parameters\":" + parameters + "}";
  }

  private static String inventory(String config) {
    return reader(GET, config, "{\"Bucket\":\"inventory\",\"Key\":\"photos/daily/2026-01-01T00-00Z/manifest.json\"}");
  }

  private void inventoryFiles() {
    put("inventory/photos/daily/2026-01-01T00-00Z/manifest.json", SCHEMA_MANIFEST);
    put("inventory/photos/daily/data/a.csv.gz", """
        "photos","2024/beach.jpg","27034","2022-11-15T20:02:16.000Z"
        "photos","2024/dune, at dusk.jpg","3399671","2022-11-16T00:29:32.000Z"
        """);
    put("inventory/photos/daily/data/b.csv.gz", "\"photos\",\"2025/city.jpg\",\"512\",\"2023-01-02T03:04:05.000Z\"\n");
  }

  private List<JsonNode> keysAsked() {
    return calls.stream().map(c -> c.input().path("Key")).toList();
  }

  @Test
  void anS3InventoryManifestGivesOneItemPerRowOfEachFileKeyedByItsSchema() throws Exception {
    inventoryFiles();
    ExecutionResult r = run(inventory("{\"ManifestType\":\"S3_INVENTORY\"}"));
    assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"Bucket":"photos","Key":"2024/beach.jpg","Size":"27034","LastModifiedDate":"2022-11-15T20:02:16.000Z"},
         {"Bucket":"photos","Key":"2024/dune, at dusk.jpg","Size":"3399671","LastModifiedDate":"2022-11-16T00:29:32.000Z"},
         {"Bucket":"photos","Key":"2025/city.jpg","Size":"512","LastModifiedDate":"2023-01-02T03:04:05.000Z"}]"""));
    assertThat(calls).extracting(TaskRequest::input).containsExactly(
        Json.parse("{\"Bucket\":\"inventory\",\"Key\":\"photos/daily/2026-01-01T00-00Z/manifest.json\"}"),
        Json.parse("{\"Bucket\":\"inventory\",\"Key\":\"photos/daily/data/a.csv.gz\"}"),
        Json.parse("{\"Bucket\":\"inventory\",\"Key\":\"photos/daily/data/b.csv.gz\"}"));
    assertThat(Fixtures.types(r).stream().filter(t -> t == EventType.TaskSucceeded)).hasSize(3);
  }

  @Test
  void inputTypeManifestAsOlderDocumentationHasItReadsTheSameInventory() throws Exception {
    inventoryFiles();
    ExecutionResult legacy = run(inventory("{\"InputType\":\"MANIFEST\"}"));
    calls.clear();
    ExecutionResult current = run(inventory("{\"ManifestType\":\"S3_INVENTORY\"}"));
    assertThat(legacy.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(legacy.output()).isEqualTo(current.output()).hasSize(3);
  }

  @Test
  void maxItemsCountsAcrossTheInventorysFilesAndLeavesTheRestUnread() throws Exception {
    inventoryFiles();
    ExecutionResult r = run(inventory("{\"ManifestType\":\"S3_INVENTORY\",\"MaxItems\":2}"));
    assertThat(r.output().findValuesAsText("Key")).containsExactly("2024/beach.jpg", "2024/dune, at dusk.jpg");
    assertThat(keysAsked()).extracting(JsonNode::asText).containsExactly(
        "photos/daily/2026-01-01T00-00Z/manifest.json", "photos/daily/data/a.csv.gz");
  }

  @Test
  void aManifestTheReaderCannotUseFailsNamingTheManifestAndWhatIsWrong() throws Exception {
    String key = "inventory/photos/daily/2026-01-01T00-00Z/manifest.json";
    String where = "The S3 inventory manifest (the object 'photos/daily/2026-01-01T00-00Z/manifest.json' in bucket 'inventory')";
    Map<String, String> cases = Map.of(
        "{\"fileSchema\":\"Bucket, Key\"}", where + " has no /files, the array of its data files",
        "{\"files\":[]}", where + " has no /fileSchema, the comma-separated names of its columns",
        "{\"fileFormat\":\"ORC\",\"fileSchema\":\"Bucket, Key\",\"files\":[]}",
        where + " lists files of fileFormat ORC; an ItemReader reads CSV inventories only",
        "{\"fileSchema\":\"Bucket, Key\",\"files\":[{\"key\":\"a\"},{\"size\":3}]}", where + " has no key at /files/1/key",
        "{\"files\":", "The content of the object 'photos/daily/2026-01-01T00-00Z/manifest.json' in bucket 'inventory' is not valid JSON");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      put(key, c.getKey());
      ExecutionResult r = run(inventory("{\"ManifestType\":\"S3_INVENTORY\"}"));
      assertThat(r.error()).as(c.getKey()).isEqualTo("States.ItemReaderFailed");
      assertThat(r.cause()).as(c.getKey()).startsWith(c.getValue());
    }
  }

  @Test
  void aMissingInventoryFileFailsTheRunNamingTheFile() throws Exception {
    inventoryFiles();
    objects.remove("inventory/photos/daily/data/b.csv.gz");
    ExecutionResult r = run(inventory("{\"ManifestType\":\"S3_INVENTORY\"}"));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).isEqualTo("The ItemReader's arn:aws:states:::s3:getObject call for the object 'photos/daily/data/b.csv.gz' in"
        + " bucket 'inventory' failed with S3.NoSuchKeyException: The specified key does not exist.");
    assertThat(Fixtures.types(r)).containsSubsequence(EventType.TaskFailed, EventType.MapRunFailed, EventType.ExecutionFailed);
  }

  @Test
  void anAthenaManifestNamesDataFilesReadPerInputType() throws Exception {
    put("results/unload/q1-manifest.csv", "s3://results/unload/q1/part-0000\nS3://other/part-0001\n\n");
    put("results/unload/q1/part-0000", "1,ann\n2,bob\n");
    put("other/part-0001", "3,cy\n");
    String config = "{\"ManifestType\":\"ATHENA_DATA\",\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"id\",\"name\"]}";
    ExecutionResult r = run(reader(GET, config, "{\"Bucket\":\"results\",\"Key\":\"unload/q1-manifest.csv\"}"));
    assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("[{\"id\":\"1\",\"name\":\"ann\"},{\"id\":\"2\",\"name\":\"bob\"},{\"id\":\"3\",\"name\":\"cy\"}]"));
    assertThat(calls).extracting(TaskRequest::input).containsExactly(
        Json.parse("{\"Bucket\":\"results\",\"Key\":\"unload/q1-manifest.csv\"}"),
        Json.parse("{\"Bucket\":\"results\",\"Key\":\"unload/q1/part-0000\"}"),
        Json.parse("{\"Bucket\":\"other\",\"Key\":\"part-0001\"}"));

    calls.clear();
    put("results/unload/q2-manifest.csv", "s3://results/unload/q2/a.json\ns3://results/unload/q2/b.json\n");
    put("results/unload/q2/a.json", "{\"n\":1}\n{\"n\":2}\n");
    put("results/unload/q2/b.json", "{\"n\":3}\n");
    ExecutionResult lines = run(reader(GET, "{\"ManifestType\":\"ATHENA_DATA\",\"InputType\":\"JSONL\",\"MaxItems\":2}",
        "{\"Bucket\":\"results\",\"Key\":\"unload/q2-manifest.csv\"}"));
    assertThat(lines.output()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2}]"));
    assertThat(calls).hasSize(2);
  }

  @Test
  void anAthenaManifestLineThatIsNoS3UriAndParquetFailClearly() throws Exception {
    put("results/m.csv", "s3://results/a\nhttps://example.com/b\n");
    ExecutionResult r = run(reader(GET, "{\"ManifestType\":\"ATHENA_DATA\",\"InputType\":\"JSONL\"}", "{\"Bucket\":\"results\",\"Key\":\"m.csv\"}"));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).isEqualTo("Line 2 of the Athena manifest (the object 'm.csv' in bucket 'results') is not an S3 URI of an object"
        + " (s3://bucket/key): 'https://example.com/b'");
    ExecutionResult parquet = run(reader(GET, "{\"ManifestType\":\"ATHENA_DATA\",\"InputType\":\"PARQUET\"}", "{\"Bucket\":\"results\",\"Key\":\"m.csv\"}"));
    assertThat(parquet.cause()).isEqualTo("ItemReader.ReaderConfig.InputType PARQUET is not supported yet; supported for Athena data are CSV and JSONL");
    ExecutionResult none = run(reader(GET, "{\"ManifestType\":\"ATHENA_DATA\"}", "{\"Bucket\":\"results\",\"Key\":\"m.csv\"}"));
    assertThat(none.cause()).isEqualTo("ItemReader.ReaderConfig.InputType is required with ManifestType ATHENA_DATA; supported for Athena data"
        + " are CSV and JSONL");
  }

  @Test
  void loadAndFlattenReadsEveryListedObjectAcrossPagesAndFlattensTheirItems() throws Exception {
    put("logs/2026/01/a.json", "[{\"n\":1},{\"n\":2}]");
    put("logs/2026/01/", ""); // a folder, as the S3 console makes them
    put("logs/2026/01/b.json", "[]");
    put("logs/2026/01/c.json", "[{\"n\":3}]");
    put("logs/2026/02/d.json", "[{\"n\":4}]");
    ExecutionResult r = run(reader(LIST, "{\"InputType\":\"JSON\",\"Transformation\":\"LOAD_AND_FLATTEN\"}",
        "{\"Bucket\":\"logs\",\"Prefix\":\"2026/01/\"}"));
    assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
    assertThat(calls).extracting(c -> c.resource() + " " + Json.write(c.input())).containsExactly(
        LIST + " {\"Bucket\":\"logs\",\"Prefix\":\"2026/01/\"}",
        GET + " {\"Bucket\":\"logs\",\"Key\":\"2026/01/a.json\"}",
        LIST + " {\"Bucket\":\"logs\",\"Prefix\":\"2026/01/\",\"ContinuationToken\":\"2\"}",
        GET + " {\"Bucket\":\"logs\",\"Key\":\"2026/01/b.json\"}",
        GET + " {\"Bucket\":\"logs\",\"Key\":\"2026/01/c.json\"}");
  }

  @Test
  void loadAndFlattenStopsListingOnceMaxItemsAreRead() throws Exception {
    put("logs/x/1.jsonl", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
    put("logs/x/2.jsonl", "{\"n\":4}\n");
    put("logs/x/3.jsonl", "{\"n\":5}\n");
    ExecutionResult r = run(reader(LIST, "{\"InputType\":\"JSONL\",\"Transformation\":\"LOAD_AND_FLATTEN\",\"MaxItems\":4}",
        "{\"Bucket\":\"logs\",\"Prefix\":\"x/\"}"));
    assertThat(r.output()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}]"));
    assertThat(calls).hasSize(3).noneMatch(c -> c.input().has("ContinuationToken"));
  }

  @Test
  void loadAndFlattenCsvTakesEachObjectsOwnHeaderRow() throws Exception {
    put("b/t/1.csv", "id,qty\n1,5\n");
    put("b/t/2.csv", "qty,id\n7,2\n");
    ExecutionResult r = run(reader(LIST, "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\",\"Transformation\":\"LOAD_AND_FLATTEN\"}",
        "{\"Bucket\":\"b\",\"Prefix\":\"t/\"}"));
    assertThat(r.output()).isEqualTo(Json.parse("[{\"id\":\"1\",\"qty\":\"5\"},{\"qty\":\"7\",\"id\":\"2\"}]"));
  }

  @Test
  void aListedObjectThatHoldsNoArrayFailsNamingIt() throws Exception {
    put("b/t/1.json", "[1]");
    put("b/t/2.json", "{\"items\":[2]}");
    ExecutionResult r = run(reader(LIST, "{\"InputType\":\"JSON\",\"Transformation\":\"LOAD_AND_FLATTEN\"}", "{\"Bucket\":\"b\",\"Prefix\":\"t/\"}"));
    assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(r.cause()).isEqualTo("The content of the object 't/2.json' in bucket 'b' must be a JSON array of items but was: {\"items\":[2]}");
    ExecutionResult pointed = run(reader(LIST, "{\"InputType\":\"JSON\",\"ItemsPointer\":\"/items\",\"Transformation\":\"LOAD_AND_FLATTEN\"}",
        "{\"Bucket\":\"b\",\"Prefix\":\"t/2\"}"));
    assertThat(pointed.output()).isEqualTo(Json.parse("[2]"));
  }

  @Test
  void readerConfigsThatContradictTheResourceFailBeforeAnyCall() throws Exception {
    Map<String, String> cases = Map.of(
        reader(LIST, "{\"InputType\":\"PARQUET\",\"Transformation\":\"LOAD_AND_FLATTEN\"}", "{\"Bucket\":\"b\"}"),
        "ItemReader.ReaderConfig.InputType PARQUET is not supported yet; supported are JSON, JSONL and CSV",
        reader(LIST, "{\"ManifestType\":\"S3_INVENTORY\"}", "{\"Bucket\":\"b\"}"),
        "ItemReader.ReaderConfig.ManifestType S3_INVENTORY names a manifest object, read with arn:aws:states:::s3:getObject;"
            + " it cannot be used with s3:listObjectsV2",
        reader(GET, "{\"InputType\":\"JSON\",\"Transformation\":\"LOAD_AND_FLATTEN\"}", "{\"Bucket\":\"b\",\"Key\":\"k\"}"),
        "ItemReader.ReaderConfig.Transformation LOAD_AND_FLATTEN reads the objects an s3:listObjectsV2 listing names;"
            + " it cannot be used with s3:getObject",
        reader(LIST, "{\"InputType\":\"CSV\"}", "{\"Bucket\":\"b\"}"),
        "ItemReader.ReaderConfig.InputType CSV with s3:listObjectsV2 needs Transformation LOAD_AND_FLATTEN, which reads the listed objects' content");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      ExecutionResult r = run(c.getKey());
      assertThat(r.error()).as(c.getKey()).isEqualTo("States.ItemReaderFailed");
      assertThat(r.cause()).as(c.getKey()).isEqualTo(c.getValue());
    }
    assertThat(calls).isEmpty();
  }
}
