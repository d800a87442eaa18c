package io.stepwise.integrations.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3's Task resources on local buckets: a folder per bucket, a file per object. */
class S3TasksTest {
  @TempDir Path root;
  private Engine engine;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(root.resolve("orders"));
    engine = Engine.builder().fastTime(true).handler(S3Integration.localHandler(root)).build();
  }

  private ExecutionResult run(String definition, String input) throws Exception {
    return engine.run(StateMachineParser.parse(definition), input, RunOptions.defaults().withNames("Machine", "run-1"));
  }

  private ExecutionResult task(String action, String parameters) throws Exception {
    return run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:s3:" + action
        + "\",\"Parameters\":" + parameters + ",\"End\":true}}}", "{}");
  }

  @Test
  void objectsPutByATaskAreFilesAndFilesPutByHandAreObjects() throws Exception {
    ExecutionResult put = task("putObject", "{\"Bucket\":\"orders\",\"Key\":\"2024/jan.json\",\"Body\":{\"n\":1},"
        + "\"ContentType\":\"application/json\",\"Metadata\":{\"source\":\"test\"}}");
    assertThat(put.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(put.output().path("ETag").asText()).isEqualTo(LocalBuckets.etag("{\"n\":1}".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(root.resolve("orders/2024/jan.json"))).isEqualTo("{\"n\":1}");

    Files.writeString(root.resolve("orders/by-hand.txt"), "hello");
    JsonNode got = task("getObject", "{\"Bucket\":\"orders\",\"Key\":\"by-hand.txt\"}").output();
    assertThat(got.path("Body").asText()).isEqualTo("hello");
    assertThat(got.path("ContentLength").asLong()).isEqualTo(5);
    assertThat(got.path("ContentType").asText()).isEqualTo("binary/octet-stream");
    JsonNode head = task("headObject", "{\"Bucket\":\"orders\",\"Key\":\"2024/jan.json\"}").output();
    assertThat(head.path("ContentType").asText()).isEqualTo("application/json");
    assertThat(head.path("Metadata").path("source").asText()).isEqualTo("test");
    assertThat(head.has("Body")).isFalse();
    assertThat(head.path("LastModified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    assertThat(task("deleteObject", "{\"Bucket\":\"orders\",\"Key\":\"by-hand.txt\"}").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(root.resolve("orders/by-hand.txt")).doesNotExist();
    assertThat(task("deleteObject", "{\"Bucket\":\"orders\",\"Key\":\"by-hand.txt\"}").status())
        .as("deleting what is not there succeeds, as on S3").isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void listingsPageInKeyOrderAndGroupByTheDelimiter() throws Exception {
    for (String k : List.of("a/1", "a/2", "b", "c/x/1", "c/y", "d")) {
      Files.createDirectories(root.resolve("orders").resolve(k).getParent());
      Files.writeString(root.resolve("orders").resolve(k), k);
    }
    List<String> keys = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = task("listObjectsV2", "{\"Bucket\":\"orders\",\"MaxKeys\":2" + (token == null ? "" : ",\"ContinuationToken\":\"" + token + "\"")
          + "}").output();
      page.path("Contents").forEach(o -> keys.add(o.path("Key").asText()));
      assertThat(page.path("KeyCount").asInt()).isLessThanOrEqualTo(2);
      token = page.path("IsTruncated").asBoolean() ? page.path("NextContinuationToken").asText() : null;
      pages++;
    } while (token != null);
    assertThat(keys).containsExactly("a/1", "a/2", "b", "c/x/1", "c/y", "d");
    assertThat(pages).isEqualTo(3);

    JsonNode grouped = task("listObjectsV2", "{\"Bucket\":\"orders\",\"Delimiter\":\"/\"}").output();
    assertThat(grouped.path("CommonPrefixes").findValuesAsText("Prefix")).containsExactly("a/", "c/");
    assertThat(grouped.path("Contents").findValuesAsText("Key")).containsExactly("b", "d");
    JsonNode inC = task("listObjectsV2", "{\"Bucket\":\"orders\",\"Prefix\":\"c/\",\"Delimiter\":\"/\"}").output();
    assertThat(inC.path("CommonPrefixes").findValuesAsText("Prefix")).containsExactly("c/x/");
    assertThat(inC.path("Contents").findValuesAsText("Key")).containsExactly("c/y");
  }

  @Test
  void errorsAreS3sAsTheSdkIntegrationNamesThem() throws Exception {
    ExecutionResult missing = run("""
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"orders","Key":"nope"},
               "Catch":[{"ErrorEquals":["S3.NoSuchKeyException"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}""", "{}");
    assertThat(missing.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(missing.output().path("err").path("Cause").asText()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404,");

    ExecutionResult noBucket = task("getObject", "{\"Bucket\":\"elsewhere\",\"Key\":\"k\"}");
    assertThat(noBucket.error()).isEqualTo("S3.NoSuchBucketException");
    ExecutionResult escape = task("putObject", "{\"Bucket\":\"orders\",\"Key\":\"../../etc/x\",\"Body\":\"x\"}");
    assertThat(escape.error()).isEqualTo("S3.S3Exception");
    assertThat(escape.cause()).contains("cannot hold the key '../../etc/x'");
    assertThat(root.getParent().resolve("etc")).doesNotExist();
    Files.writeString(root.resolve("orders/a"), "file");
    assertThat(task("putObject", "{\"Bucket\":\"orders\",\"Key\":\"a/b\",\"Body\":\"x\"}").cause())
        .contains("would be inside the object 'a' of the bucket 'orders'");
    ExecutionResult unknown = task("copyObject", "{}");
    assertThat(unknown.error()).isEqualTo("States.TaskFailed");
    assertThat(unknown.cause()).contains("arn:aws:states:::aws-sdk:s3:copyObject is not an S3 action Stepwise carries out");
  }

  @Test
  void aDistributedMapReadsACsvFromALocalBucketAndWritesItsResultsThere() throws Exception {
    StringBuilder csv = new StringBuilder("id,qty\n");
    for (int i = 1; i <= 25; i++) {
      csv.append(i).append(',').append(i * 2).append('\n');
    }
    Files.writeString(root.resolve("orders/lines.csv"), csv);
    Files.createDirectories(root.resolve("results"));
    ExecutionResult r = run("""
        {"StartAt":"M","States":{"M":{"Type":"Map",
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                        "Parameters":{"Bucket":"orders","Key":"lines.csv"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P",
                           "States":{"P":{"Type":"Pass","End":true}}},
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"run"}},
          "End":true}}}""", "{}");
    assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String manifestKey = r.output().path("ResultWriterDetails").path("Key").asText();
    JsonNode manifest = Json.parse(Files.readString(root.resolve("results").resolve(manifestKey)));
    assertThat(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Size").asLong()).isPositive();
    String succeededKey = manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText();
    JsonNode results = Json.parse(Files.readString(root.resolve("results").resolve(succeededKey)));
    assertThat(results).hasSize(25);
    assertThat(results.findValuesAsText("Output")).anySatisfy(o -> assertThat(o).contains("\"qty\":\"50\""));
  }
}
