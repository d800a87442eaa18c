package io.stepwise.cli.apibench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.Server;
import io.stepwise.server.ServerConfig;
import io.stepwise.server.ServerLimits;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.console.ConsoleData;
import io.stepwise.server.console.ConsoleRoutes;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import io.stepwise.store.ExecutionQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's reads with many executions stored (not a unit test): N Standard executions started
 * through the API on a SQLite file (85% of them of one machine, 1 in 100 of those FAILED; 5% still
 * waiting; 10% of another machine), then each request a console page makes, timed over HTTP: the
 * Executions page's data (every machine, by status, by machine and status, a start-time window, a
 * page deep in by its token), a machine page's ListExecutions (first page, by status), and the
 * page's own files. Each request is made {@code repeats} times after as many warm-ups; median and
 * p99 printed as JSON lines. Then whole page loads in Chromium ({@link BrowserPageLoads}), and the
 * machine page's status filter as it was read before schema V8. Usage: {@code ConsolePages
 * [executions] [repeats]}.
 */
public final class ConsolePages {
  private static final String ROLE = "arn:aws:iam::123456789012:role/b";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path data = Files.createTempDirectory("stepwise-console-bench");
    try (Engine engine = Engine.builder().build()) {
      ExecutionBackend backend = ExecutionBackend.open(data, engine, InstantSource.system());
      Server server = Server.builder(ServerConfig.defaults().withPort(0).withLimits(ServerLimits.defaults().withMaxInFlightRequests(4096)))
          .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1))))
          .routes((cfg, s) -> ConsoleRoutes.install(cfg))
          .routes((cfg, s) -> ConsoleData.install(cfg, s, backend.store())).build().start();
      try {
        measure(server, backend, n, repeats, data);
      } finally {
        server.stop();
        backend.close();
      }
    }
  }

  private static void measure(Server server, ExecutionBackend backend, int n, int repeats, Path data) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String orders = create(http, server, "orders", """
        {"StartAt":"Check","States":{"Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Fail"}],
          "Default":"Done"},"Done":{"Type":"Pass","End":true},"Fail":{"Type":"Fail","Error":"Order.Failed"}}}""");
    String waits = create(http, server, "waits", """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":86400,"End":true}}}""");
    String others = create(http, server, "others", """
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

    long t0 = System.nanoTime();
    Instant firstStart = Instant.now();
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService callers = Executors.newFixedThreadPool(32)) {
      for (int c = 0; c < 32; c++) {
        callers.execute(() -> {
          try (RawJsonClient raw = new RawJsonClient(server.endpoint())) {
            String[] answer = new String[1];
            for (int i; (i = next.getAndIncrement()) < n; ) {
              int k = i % 100;
              String sm = k < 85 ? orders : k < 90 ? waits : others;
              String body = "{\"stateMachineArn\":\"" + sm + "\",\"input\":\"{\\\"fail\\\":" + (k == 7) + "}\"}";
              if (raw.call("StartExecution", body, answer) != 200) {
                throw new IllegalStateException(answer[0]);
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    while (!backend.store().executions(ExecutionQuery.stateMachine(orders).withStatus(ExecutionStatus.RUNNING).withLimit(1)).items().isEmpty()) {
      Thread.sleep(10);
    }
    Instant lastStart = Instant.now();
    System.out.printf("{\"executions\":%d,\"fill_s\":%.1f,\"db_mb\":%d}%n", n, (System.nanoTime() - t0) / 1e9,
        Files.size(data.resolve("stepwise.db")) >> 20);

    String base = server.endpoint() + "/console/api/executions";
    Instant mid = firstStart.plusMillis((lastStart.toEpochMilli() - firstStart.toEpochMilli()) / 2);
    String deepToken = token(http, base + "?status=SUCCEEDED&maxResults=50", 100);
    Map<String, HttpRequest> requests = new LinkedHashMap<>();
    requests.put("GET /console/api/executions (every machine, first page of 50)", get(base + "?maxResults=50"));
    requests.put("GET ... ?status=FAILED", get(base + "?maxResults=50&status=FAILED"));
    requests.put("GET ... ?status=FAILED&stateMachineArn=orders", get(base + "?maxResults=50&status=FAILED&stateMachineArn=" + q(orders)));
    requests.put("GET ... ?status=RUNNING (5%)", get(base + "?maxResults=50&status=RUNNING"));
    requests.put("GET ... a 1-second start window mid-way", get(base + "?maxResults=50&startedAfter=" + q(mid.toString())
        + "&startedBefore=" + q(mid.plusSeconds(1).toString())));
    requests.put("GET ... ?status=SUCCEEDED, page 101 by its token", get(base + "?status=SUCCEEDED&maxResults=50&nextToken=" + q(deepToken)));
    requests.put("POST ListExecutions orders (machine page, first page of 50)", post(server, "ListExecutions",
        "{\"stateMachineArn\":\"" + orders + "\",\"maxResults\":50}"));
    requests.put("POST ListExecutions orders statusFilter=FAILED", post(server, "ListExecutions",
        "{\"stateMachineArn\":\"" + orders + "\",\"maxResults\":50,\"statusFilter\":\"FAILED\"}"));
    requests.put("POST ListStateMachines (both pages' select and list)", post(server, "ListStateMachines", "{\"maxResults\":1000}"));
    requests.put("GET /console/executions.js", get(server.endpoint() + "/console/executions.js"));
    for (var e : requests.entrySet()) {
      long[] ns = time(http, e.getValue(), repeats);
      System.out.printf("{\"request\":\"%s\",\"median_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}%n", e.getKey(), ns[repeats / 2] / 1e6,
          ns[(int) (repeats * 0.99)] / 1e6, ns[repeats - 1] / 1e6);
    }
    BrowserPageLoads.measure(server.endpoint(), orders, 10);
    // what the machine page's status filter cost before schema V8: the plan it had, on this file
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stepwise.db"))) {
      for (String index : new String[] {"executions_by_state_machine", "executions_by_state_machine_status"}) {
        PreparedStatement s = c.prepareStatement("SELECT arn FROM executions INDEXED BY " + index
            + " WHERE state_machine_arn = ? AND type = 'STANDARD' AND status = 'FAILED' AND status <> 'SUCCEEDED'"
            + " ORDER BY start_date DESC, arn DESC LIMIT 51");
        s.setString(1, orders);
        long[] ns = new long[repeats];
        for (int r = -repeats; r < repeats; r++) {
          long began = System.nanoTime();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rs.getString(1);
            }
          }
          if (r >= 0) {
            ns[r] = System.nanoTime() - began;
          }
        }
        Arrays.sort(ns);
        System.out.printf("{\"sql\":\"orders FAILED, first 50, INDEXED BY %s\",\"median_ms\":%.2f,\"p99_ms\":%.2f}%n", index,
            ns[repeats / 2] / 1e6, ns[(int) (repeats * 0.99)] / 1e6);
      }
    }
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static HttpRequest post(Server server, String operation, String body) {
    return HttpRequest.newBuilder(URI.create(server.endpoint() + "/")).header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", "AWSStepFunctions." + operation).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String create(HttpClient http, Server server, String name, String definition) throws Exception {
    String body = Json.NODES.objectNode().put("name", name).put("definition", definition).put("roleArn", ROLE).toString();
    return Json.parse(send(http, post(server, "CreateStateMachine", body))).get("stateMachineArn").asText();
  }

  private static String send(HttpClient http, HttpRequest r) throws Exception {
    HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
    if (a.statusCode() != 200) {
      throw new IllegalStateException(r.uri() + ": " + a.statusCode() + " " + a.body());
    }
    return a.body();
  }

  /** The token of page {@code pages + 1}, following the tokens. */
  private static String token(HttpClient http, String url, int pages) throws Exception {
    String token = null;
    for (int p = 0; p < pages; p++) {
      JsonNode page = Json.parse(send(http, get(url + (token == null ? "" : "&nextToken=" + q(token)))));
      if (!page.has("nextToken")) {
        throw new IllegalStateException("fewer than " + (pages + 1) + " pages: store more executions");
      }
      token = page.get("nextToken").asText();
    }
    return token;
  }

  private static long[] time(HttpClient http, HttpRequest r, int repeats) throws Exception {
    for (int i = 0; i < repeats; i++) {
      send(http, r); // warm-up: the JIT, the connection, SQLite's page cache
    }
    long[] ns = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      long began = System.nanoTime();
      send(http, r);
      ns[i] = System.nanoTime() - began;
    }
    Arrays.sort(ns);
    return ns;
  }
}
