package io.stepwise.integrations.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed Maps whose items are many objects in local buckets (the folders of DATA/s3), read
 * through the S3 stand-in as a user lays them out: an S3 Inventory's manifest.json beside its
 * gzipped CSV files, an Athena UNLOAD manifest, and a prefix read with LOAD_AND_FLATTEN.
 */
class ItemReaderDatasetsFromBucketsTest {
  @TempDir Path root;
  private Engine engine;

  @BeforeEach
  void setUp() {
    engine = Engine.builder().fastTime(true).handler(S3Integration.localHandler(root)).build();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private ExecutionResult map(String reader, String input) {
    return engine.run(StateMachineParser.parse("""
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
                           "States":{"P":{"Type":"Pass","End":true}}},
          "End":true}}}""".formatted(reader)), input, RunOptions.defaults().withNames("Machine", "run-1"));
  }

  private void write(String bucketAndKey, byte[] content) throws IOException {
    Path file = root.resolve(bucketAndKey);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private void write(String bucketAndKey, String text) throws IOException {
    write(bucketAndKey, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** An inventory as S3 Inventory publishes it into its destination bucket: the manifest and its data files. */
  private void inventory() throws IOException {
    write("inventory/photos/daily/2026-01-01T01-00Z/manifest.json", """
        {"sourceBucket":"photos","destinationBucket":"arn:aws:s3:::inventory","version":"2016-11-30",
         "creationTimestamp":"1767229200000","fileFormat":"CSV","fileSchema":"Bucket, Key, Size, LastModifiedDate",
         "files":[{"key":"photos/daily/data/6a1c.csv.gz","size":99,"MD5checksum":"d0"},
                  {"key":"photos/daily/data/7b2d.csv.gz","size":71,"MD5checksum":"e1"}]}""");
    StringBuilder first = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      first.append("\"photos\",\"2024/img-").append(i).append(".jpg\",\"").append(1000 + i).append("\",\"2025-12-31T10:00:00.000Z\"\n");
    }
    write("inventory/photos/daily/data/6a1c.csv.gz", gzip(first.toString()));
    write("inventory/photos/daily/data/7b2d.csv.gz", gzip("\"photos\",\"2025/last.jpg\",\"7\",\"2025-12-31T11:00:00.000Z\"\n"));
  }

  @Test
  void aDistributedMapRunsOneChildPerRowOfAnS3InventorysGzippedFiles() throws Exception {
    inventory();
    ExecutionResult r = map("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"ManifestType":"S3_INVENTORY"},
         "Parameters":{"Bucket":"inventory","Key.$":"$.manifest"}}""", "{\"manifest\":\"photos/daily/2026-01-01T01-00Z/manifest.json\"}");
    assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).hasSize(31);
    assertThat(r.output().get(0)).isEqualTo(Json.parse("""
        {"Bucket":"photos","Key":"2024/img-1.jpg","Size":"1001","LastModifiedDate":"2025-12-31T10:00:00.000Z"}"""));
    assertThat(r.output().get(30).path("Key").asText()).isEqualTo("2025/last.jpg");
    assertThat(r.children()).hasSize(31);
  }

  @Test
  void maxItemsCutsTheInventoryShortAndALegacyManifestInputTypeReadsIt() throws Exception {
    inventory();
    ExecutionResult r = map("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST","MaxItems":3},
         "Parameters":{"Bucket":"inventory","Key":"photos/daily/2026-01-01T01-00Z/manifest.json"}}""", "{}");
    assertThat(r.output().findValuesAsText("Key")).containsExactly("2024/img-1.jpg", "2024/img-2.jpg", "2024/img-3.jpg");
  }

  @Test
  void aCorruptGzipFileOrAMissingOneFailsTheRunNamingTheObject() throws Exception {
    inventory();
    byte[] truncated = gzip("\"photos\",\"x\",\"1\",\"2025-12-31T11:00:00.000Z\"\n");
    write("inventory/photos/daily/data/7b2d.csv.gz", Arrays.copyOf(truncated, truncated.length - 12));
    String reader = """
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"ManifestType":"S3_INVENTORY"},
         "Parameters":{"Bucket":"inventory","Key":"photos/daily/2026-01-01T01-00Z/manifest.json"}}""";
    ExecutionResult corrupt = map(reader, "{}");
    assertThat(corrupt.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(corrupt.cause()).startsWith("The object 'photos/daily/data/7b2d.csv.gz' in bucket 'inventory' begins as gzip does but cannot be"
        + " decompressed: ");

    Files.delete(root.resolve("inventory/photos/daily/data/7b2d.csv.gz"));
    ExecutionResult missing = map(reader, "{}");
    assertThat(missing.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(missing.cause()).startsWith("The ItemReader's arn:aws:states:::s3:getObject call for the object 'photos/daily/data/7b2d.csv.gz'"
        + " in bucket 'inventory' failed with S3.NoSuchKeyException: The specified key does not exist.");
  }

  @Test
  void loadAndFlattenReadsEveryObjectUnderThePrefixGzippedOrNot() throws Exception {
    write("logs/2026/01/01.jsonl", "{\"level\":\"INFO\",\"n\":1}\n{\"level\":\"ERROR\",\"n\":2}\n");
    write("logs/2026/01/02.jsonl.gz", gzip("{\"level\":\"WARN\",\"n\":3}\n"));
    write("logs/2026/02/01.jsonl", "{\"level\":\"INFO\",\"n\":4}\n");
    ExecutionResult r = map("""
        {"Resource":"arn:aws:states:::s3:listObjectsV2","ReaderConfig":{"InputType":"JSONL","Transformation":"LOAD_AND_FLATTEN"},
         "Parameters":{"Bucket":"logs","Prefix":"2026/01/","MaxKeys":1}}""", "{}");
    assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("""
        [{"level":"INFO","n":1},{"level":"ERROR","n":2},{"level":"WARN","n":3}]"""));
  }

  @Test
  void anAthenaManifestsCsvFilesAreReadWithTheGivenHeaders() throws Exception {
    write("athena/unload/q-1/20260101_000000_00001_abcde_0000.gz", gzip("1,ann,2.5\n2,bob,3\n"));
    write("athena/unload/q-1/20260101_000000_00001_abcde_0001.gz", gzip("3,cy,1\n"));
    write("athena/unload/q-1-manifest.csv",
        "s3://athena/unload/q-1/20260101_000000_00001_abcde_0000.gz\ns3://athena/unload/q-1/20260101_000000_00001_abcde_0001.gz\n");
    ExecutionResult r = map("""
        {"Resource":"arn:aws:states:::s3:getObject",
         "ReaderConfig":{"ManifestType":"ATHENA_DATA","InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["id","name","score"]},
         "Parameters":{"Bucket":"athena","Key":"unload/q-1-manifest.csv"}}""", "{}");
    assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().findValuesAsText("name")).containsExactly("ann", "bob", "cy");
    assertThat(r.output().get(0)).isEqualTo(Json.parse("{\"id\":\"1\",\"name\":\"ann\",\"score\":\"2.5\"}"));
  }

  @Test
  void aGzippedJsonObjectIsReadByAPlainGetObjectReaderToo() throws Exception {
    write("orders/2026/orders.json.gz", gzip("[{\"id\":1},{\"id\":2}]"));
    ExecutionResult r = map("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
         "Parameters":{"Bucket":"orders","Key":"2026/orders.json.gz"}}""", "{}");
    assertThat(r.output()).isEqualTo(Json.parse("[{\"id\":1},{\"id\":2}]"));
    JsonNode raw = engine.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject",
          "Parameters":{"Bucket":"orders","Key":"2026/orders.json.gz"},"End":true}}}"""), "{}", RunOptions.defaults()).output();
    assertThat(raw.path("ContentLength").asLong()).as("the SDK task gets the object as stored").isEqualTo(
        Files.size(root.resolve("orders/2026/orders.json.gz")));
  }
}
