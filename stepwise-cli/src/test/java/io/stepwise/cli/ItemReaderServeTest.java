package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code stepwise serve} over a data directory whose {@code s3/} folders hold an S3 Inventory
 * (manifest.json and gzipped CSV files) and a prefix of JSON Lines objects: Distributed Maps
 * created and started with the Step Functions SDK read them, one child per row or line.
 */
class ItemReaderServeTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/r";
  @TempDir Path data;
  private ServeCommand serve;
  private CompletableFuture<Integer> exit;

  private URI start() throws Exception {
    serve = new ServeCommand();
    CommandLine cmd = new CommandLine(serve);
    exit = CompletableFuture.supplyAsync(() -> cmd.execute("--port", "0", "--data", data.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("the server started").isNotNull();
    return serve.server().endpoint();
  }

  @AfterEach
  void stop() throws Exception {
    if (serve != null) {
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
  }

  private void write(String path, byte[] content) throws IOException {
    Path file = data.resolve("s3").resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static String map(String reader, String selector) {
    return """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemReader":%s,"ItemSelector":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                           "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""".formatted(reader, selector);
  }

  private static DescribeExecutionResponse runToEnd(SfnClient sfn, String name, String definition) throws InterruptedException {
    String machine = sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
    while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(50);
      d = sfn.describeExecution(b -> b.executionArn(arn));
    }
    return d;
  }

  @Test
  void distributedMapsReadAnInventoryAndAFlattenedPrefixFromTheServedBuckets() throws Exception {
    write("inventory/photos/daily/2026-01-01T01-00Z/manifest.json", """
        {"sourceBucket":"photos","destinationBucket":"arn:aws:s3:::inventory","version":"2016-11-30","fileFormat":"CSV",
         "fileSchema":"Bucket, Key, Size","files":[{"key":"photos/daily/data/a.csv.gz"},{"key":"photos/daily/data/b.csv.gz"}]}"""
        .getBytes(StandardCharsets.UTF_8));
    write("inventory/photos/daily/data/a.csv.gz", gzip("\"photos\",\"one.jpg\",\"1\"\n\"photos\",\"two.jpg\",\"2\"\n"));
    write("inventory/photos/daily/data/b.csv.gz", gzip("\"photos\",\"three.jpg\",\"3\"\n"));
    write("events/2026/01.jsonl", "{\"Key\":\"e1\",\"n\":1}\n{\"Key\":\"e2\",\"n\":2}\n".getBytes(StandardCharsets.UTF_8));
    write("events/2026/02.jsonl.gz", gzip("{\"Key\":\"e3\",\"n\":3}\n"));
    URI endpoint = start();
    try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      DescribeExecutionResponse inventory = runToEnd(sfn, "inventory", map("""
          {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"ManifestType":"S3_INVENTORY"},
           "Parameters":{"Bucket":"inventory","Key":"photos/daily/2026-01-01T01-00Z/manifest.json"}}""",
          "{\"key.$\":\"$$.Map.Item.Value.Key\",\"size.$\":\"$$.Map.Item.Value.Size\"}"));
      assertThat(inventory.status()).as(inventory.error() + " " + inventory.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode rows = Json.parse(inventory.output());
      assertThat(rows).isEqualTo(Json.parse("""
          [{"key":"one.jpg","size":"1"},{"key":"two.jpg","size":"2"},{"key":"three.jpg","size":"3"}]"""));

      DescribeExecutionResponse flattened = runToEnd(sfn, "events", map("""
          {"Resource":"arn:aws:states:::s3:listObjectsV2","ReaderConfig":{"InputType":"JSONL","Transformation":"LOAD_AND_FLATTEN"},
           "Parameters":{"Bucket":"events","Prefix":"2026/"}}""", "{\"key.$\":\"$$.Map.Item.Value.Key\",\"n.$\":\"$$.Map.Item.Value.n\"}"));
      assertThat(flattened.status()).as(flattened.error() + " " + flattened.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(flattened.output())).isEqualTo(Json.parse("""
          [{"key":"e1","n":1},{"key":"e2","n":2},{"key":"e3","n":3}]"""));
    }
  }
}
