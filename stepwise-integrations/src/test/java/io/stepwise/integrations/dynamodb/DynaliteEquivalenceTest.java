package io.stepwise.integrations.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.dynamodb.model.DynamoDbException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same operation sequences against the local DynamoDB and against dynalite, an independent
 * implementation of DynamoDB's API (npm), and the answers compared: bodies (sets and Scan pages
 * compared as sets, table metadata that differs by nature left out), error types, and messages.
 * A line starting with {@code ~} compares the error type only (the two word syntax errors
 * differently); {@code ScanAll} pages through a whole table on each side.
 *
 * <p>dynalite is looked for in {@code $STEPWISE_DYNALITE} (a folder holding
 * {@code node_modules/dynalite}), else {@code $STEPWISE_NPM_TOOLS}, else
 * {@code ~/.cache/stepwise-ci/npm}, where {@code .ci/run} installs it. Without node or dynalite the test is skipped, saying so.
 */
class DynaliteEquivalenceTest {
  private static Process dynalite;
  private static URI endpoint;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startDynalite() throws Exception {
    String configured = System.getenv("STEPWISE_DYNALITE") != null ? System.getenv("STEPWISE_DYNALITE") : System.getenv("STEPWISE_NPM_TOOLS");
    Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "stepwise-ci", "npm");
    Path cli = dir.resolve("node_modules/dynalite/cli.js");
    Assumptions.assumeTrue(Files.exists(cli), "dynalite is not installed in " + dir
        + " (cd " + dir + " && npm install dynalite@4, as .ci/run does): the equivalence test is skipped");
    Assumptions.assumeTrue(onPath("node"), "node is not on PATH: the equivalence test with dynalite is skipped");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    dynalite = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    endpoint = URI.create("http://127.0.0.1:" + port + "/");
    for (int i = 0; i < 100; i++) {
      try {
        send("ListTables", Json.NODES.objectNode());
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("dynalite did not start on port " + port);
  }

  @AfterAll
  static void stopDynalite() throws InterruptedException {
    if (dynalite != null) {
      dynalite.destroy();
      if (!dynalite.waitFor(10, TimeUnit.SECONDS)) {
        dynalite.destroyForcibly();
      }
    }
  }

  private static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /** An answer: 200 and the body, or the status and the error body. */
  private record Answer(int status, JsonNode body) {}

  private static Answer send(String operation, JsonNode input) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Date", "20260101T000000Z")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(input))).build();
    HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), Json.parse(response.body()));
  }

  private static Answer local(Ddb ddb, String operation, JsonNode input) throws IOException {
    try {
      // through text, as the wire carries it, so that numbers compare alike
      return new Answer(200, Json.parse(Json.write(ddb.dynamodb.call(operation, input))));
    } catch (DynamoDbException e) {
      ObjectNode body = Json.NODES.objectNode().put("__type", e.type()).put("message", e.getMessage());
      return new Answer(e.status(), body);
    }
  }

  static List<String> sequences() {
    return List.of("tables", "items", "conditions", "updates", "queries", "scans", "batches");
  }

  @ParameterizedTest
  @MethodSource("sequences")
  void theSameSequenceGetsTheSameAnswers(String name) throws Exception {
    String prefix = "eq_" + name + "_";
    try (Ddb ddb = new Ddb(null)) {
      for (String line : Sequences.of(name).strip().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        boolean typeOnly = line.startsWith("~");
        String step = typeOnly ? line.substring(1) : line;
        int space = step.indexOf(' ');
        String operation = step.substring(0, space);
        JsonNode input = Json.parse(step.substring(space + 1).replace("T_", prefix));
        JsonNode theirs;
        JsonNode ours;
        if (operation.equals("ScanAll")) {
          theirs = scanAll(in -> send("Scan", in), input);
          ours = scanAll(in -> local(ddb, "Scan", in), input);
        } else {
          Answer answer = send(operation, input);
          if (operation.equals("CreateTable") && answer.status() == 200) {
            awaitActive(input.get("TableName"));
          }
          theirs = normal(answer, typeOnly);
          ours = normal(local(ddb, operation, input), typeOnly);
        }
        assertThat(ours).as(name + ": " + line + "\n  dynalite: " + theirs + "\n  stepwise: " + ours).isEqualTo(theirs);
      }
    }
  }

  /** dynalite makes a table ACTIVE a moment after CreateTable answers, as DynamoDB does. */
  private static void awaitActive(JsonNode table) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (send("DescribeTable", Json.NODES.objectNode().set("TableName", table)).body().at("/Table/TableStatus").asText().equals("ACTIVE")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("dynalite did not make " + table + " ACTIVE");
  }

  private interface Call {
    Answer call(JsonNode input) throws Exception;
  }

  /** Every item of a Scan, page after page, as a sorted list, with how many pages it took. */
  private static JsonNode scanAll(Call scan, JsonNode input) throws Exception {
    List<String> items = new ArrayList<>();
    JsonNode start = null;
    int pages = 0;
    do {
      ObjectNode in = input.deepCopy();
      if (start != null) {
        in.set("ExclusiveStartKey", start);
      }
      Answer a = scan.call(in);
      assertThat(a.status()).as("scan page " + a.body()).isEqualTo(200);
      a.body().path("Items").forEach(i -> items.add(Json.write(sortSets(i))));
      start = a.body().get("LastEvaluatedKey");
      pages++;
    } while (start != null && pages < 1000);
    items.sort(null);
    ObjectNode out = Json.NODES.objectNode().put("pages", pages);
    ArrayNode a = out.putArray("items");
    items.forEach(a::add);
    return out;
  }

  /** An answer with what may differ by nature taken out. */
  private static JsonNode normal(Answer a, boolean typeOnly) {
    ObjectNode body = a.body().deepCopy();
    if (body.has("Message")) {
      body.set("message", body.remove("Message"));
    }
    if (typeOnly) {
      body.remove("message");
    }
    for (String t : List.of("Table", "TableDescription")) {
      if (body.get(t) instanceof ObjectNode d) {
        for (String f : List.of("TableId", "TableArn", "CreationDateTime", "BillingModeSummary", "TableThroughputModeSummary",
            "DeletionProtectionEnabled", "TableStatus", "ItemCount", "TableSizeBytes")) {
          d.remove(f);
        }
      }
    }
    return Json.NODES.objectNode().put("status", a.status()).set("body", sortSets(body));
  }

  /** Set members in a fixed order (DynamoDB keeps none). */
  private static JsonNode sortSets(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode v = e.getValue();
        if (List.of("SS", "NS", "BS").contains(e.getKey()) && v.isArray()) {
          List<String> members = new ArrayList<>();
          v.forEach(m -> members.add(m.asText()));
          members.sort(null);
          ArrayNode a = out.putArray(e.getKey());
          members.forEach(a::add);
        } else {
          out.set(e.getKey(), sortSets(v));
        }
      }
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = Json.NODES.arrayNode();
      a.forEach(v -> out.add(sortSets(v)));
      return out;
    }
    return n;
  }
}
