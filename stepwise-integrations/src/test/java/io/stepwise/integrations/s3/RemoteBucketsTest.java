package io.stepwise.integrations.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.integrations.config.ServiceSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 tasks on a real S3-compatible server (s3rver, from npm, which .ci/run installs into
 * ~/.cache/stepwise-ci/npm or STEPWISE_NPM_TOOLS), through the SDK's S3Client, side by side with the
 * local stand-in: the same calls give the same answers. Skipped, saying so, when s3rver is not
 * installed.
 */
class RemoteBucketsTest {
  @TempDir Path dir;
  private Process s3rver;
  private S3Tasks remote;
  private S3Tasks local;
  private RemoteBuckets client;

  static Path s3rverBin() {
    String tools = System.getenv("STEPWISE_NPM_TOOLS");
    Path base = tools != null ? Path.of(tools) : Path.of(System.getProperty("user.home"), ".cache", "stepwise-ci", "npm");
    return base.resolve("node_modules/.bin/s3rver");
  }

  @BeforeEach
  void start() throws Exception {
    Path bin = s3rverBin();
    Assumptions.assumeTrue(Files.isExecutable(bin), "skipped: s3rver is not installed at " + bin
        + " (.ci/run installs it: npm install --prefix ~/.cache/stepwise-ci/npm s3rver@3.7.1)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.createDirectories(dir.resolve("remote"));
    ProcessBuilder pb = new ProcessBuilder(bin.toString(), "-d", dir.resolve("remote").toString(), "-a", "127.0.0.1", "-p",
        Integer.toString(port), "-s", "--configure-bucket", "orders").redirectErrorStream(true).redirectOutput(dir.resolve("s3rver.log").toFile());
    // its continuation tokens use a cipher newer Node versions only have in OpenSSL's legacy provider
    pb.environment().put("NODE_OPTIONS", "--openssl-legacy-provider");
    s3rver = pb.start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        break;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !s3rver.isAlive()) {
          throw new IllegalStateException("s3rver did not start: " + Files.readString(dir.resolve("s3rver.log")));
        }
        Thread.sleep(100);
      }
    }
    client = new RemoteBuckets(new ServiceSettings("s3", URI.create("http://127.0.0.1:" + port), "us-east-1", "S3RVER", "S3RVER", null),
        "us-east-1");
    remote = new S3Tasks(client, "s3rver");
    Files.createDirectories(dir.resolve("local/orders"));
    local = new S3Tasks(new LocalBuckets(dir.resolve("local")), "local");
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (s3rver != null) {
      s3rver.destroy();
      if (!s3rver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        s3rver.destroyForcibly();
      }
    }
  }

  private static JsonNode call(S3Tasks tasks, String action, String parameters) throws Exception {
    String arn = "arn:aws:states:::aws-sdk:s3:" + action;
    return tasks.invoke(ResourceArn.of(arn), new TaskRequest(arn, Json.parse(parameters), "T", "arn:x", Json.NODES.objectNode(), null));
  }

  private static String error(S3Tasks tasks, String action, String parameters) throws Exception {
    try {
      call(tasks, action, parameters);
      return null;
    } catch (TaskFailure f) {
      return f.error();
    }
  }

  // s3rver 3.7.1 leaves out a common prefix whose keys are all nested deeper (c/ when only c/f/g.csv
  // is under it; S3 lists c/): c/e.csv is there so that the listings can be compared.
  @Test
  void theSameCallsGiveTheSameAnswersOnAnS3CompatibleServerAndLocally() throws Exception {
    for (S3Tasks t : List.of(remote, local)) {
      for (String k : List.of("a/1.json", "a/2.json", "b.txt", "c/e.csv", "c/f/g.csv")) {
        JsonNode put = call(t, "putObject", "{\"Bucket\":\"orders\",\"Key\":\"" + k + "\",\"Body\":\"content of " + k + "\"}");
        assertThat(put.path("ETag").asText()).isEqualTo(LocalBuckets.etag(("content of " + k).getBytes()));
      }
    }
    for (String params : List.of("{\"Bucket\":\"orders\",\"Key\":\"a/2.json\"}", "{\"Bucket\":\"orders\",\"Key\":\"c/f/g.csv\"}")) {
      JsonNode r = call(remote, "getObject", params);
      JsonNode l = call(local, "getObject", params);
      assertThat(r.path("Body")).isEqualTo(l.path("Body"));
      assertThat(r.path("ETag")).isEqualTo(l.path("ETag"));
      assertThat(r.path("ContentLength")).isEqualTo(l.path("ContentLength"));
    }
    for (String params : List.of("{\"Bucket\":\"orders\"}", "{\"Bucket\":\"orders\",\"Delimiter\":\"/\"}",
        "{\"Bucket\":\"orders\",\"Prefix\":\"a/\"}", "{\"Bucket\":\"orders\",\"MaxKeys\":2}")) {
      JsonNode r = call(remote, "listObjectsV2", params);
      JsonNode l = call(local, "listObjectsV2", params);
      assertThat(keys(r)).as(params).isEqualTo(keys(l));
      assertThat(r.path("CommonPrefixes").findValuesAsText("Prefix")).as(params).isEqualTo(l.path("CommonPrefixes").findValuesAsText("Prefix"));
      assertThat(r.path("IsTruncated")).as(params).isEqualTo(l.path("IsTruncated"));
      assertThat(r.path("KeyCount")).as(params).isEqualTo(l.path("KeyCount"));
    }
    for (S3Tasks t : List.of(remote, local)) {
      call(t, "deleteObject", "{\"Bucket\":\"orders\",\"Key\":\"b.txt\"}");
    }
    assertThat(error(remote, "getObject", "{\"Bucket\":\"orders\",\"Key\":\"b.txt\"}"))
        .isEqualTo(error(local, "getObject", "{\"Bucket\":\"orders\",\"Key\":\"b.txt\"}")).isEqualTo("S3.NoSuchKeyException");
    assertThat(error(remote, "getObject", "{\"Bucket\":\"nowhere\",\"Key\":\"b.txt\"}"))
        .isEqualTo(error(local, "getObject", "{\"Bucket\":\"nowhere\",\"Key\":\"b.txt\"}")).isEqualTo("S3.NoSuchBucketException");
  }

  /** A Distributed Map over an S3 inventory whose files are gzip, run against each store. */
  private static JsonNode inventoryItems(ObjectStore store, S3Tasks tasks) throws Exception {
    store.put("orders", "inv/manifest.json", ("{\"fileFormat\":\"CSV\",\"fileSchema\":\"Bucket, Key, Size\","
        + "\"files\":[{\"key\":\"inv/data/1.csv.gz\"},{\"key\":\"inv/data/2.csv.gz\"}]}").getBytes(), null, Map.of());
    store.put("orders", "inv/data/1.csv.gz", ItemReaderDatasetsFromBucketsTest.gzip("\"src\",\"a.txt\",\"1\"\n\"src\",\"b.txt\",\"2\"\n"),
        null, Map.of());
    store.put("orders", "inv/data/2.csv.gz", ItemReaderDatasetsFromBucketsTest.gzip("\"src\",\"c.txt\",\"3\"\n"), null, Map.of());
    try (Engine engine = Engine.builder().fastTime(true).handler(tasks).build()) {
      ExecutionResult r = engine.run(StateMachineParser.parse("""
          {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"ManifestType":"S3_INVENTORY"},
                          "Parameters":{"Bucket":"orders","Key":"inv/manifest.json"}},
            "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
                             "States":{"P":{"Type":"Pass","End":true}}}}}}"""), "{}", RunOptions.defaults());
      assertThat(r.error()).as(r.cause()).isNull();
      return r.output();
    }
  }

  @Test
  void aDistributedMapReadsAnS3InventoryOfGzippedFilesFromTheServerAsFromLocalBuckets() throws Exception {
    JsonNode remoteItems = inventoryItems(client, remote);
    assertThat(remoteItems).isEqualTo(inventoryItems(new LocalBuckets(dir.resolve("local")), local));
    assertThat(remoteItems).isEqualTo(Json.parse("""
        [{"Bucket":"src","Key":"a.txt","Size":"1"},{"Bucket":"src","Key":"b.txt","Size":"2"},{"Bucket":"src","Key":"c.txt","Size":"3"}]"""));
  }

  private static List<String> keys(JsonNode listing) {
    List<String> keys = new ArrayList<>();
    listing.path("Contents").forEach(o -> keys.add(o.path("Key").asText()));
    return keys;
  }
}
