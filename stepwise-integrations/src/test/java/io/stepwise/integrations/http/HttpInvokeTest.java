package io.stepwise.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP Task against a real HTTP server on 127.0.0.1, through an engine. */
class HttpInvokeTest {
  /** What the server received. */
  record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private HttpServer server;
  private String base;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(x.getRequestMethod(), x.getRequestURI().toString(), x.getRequestHeaders(), body));
    String path = x.getRequestURI().getPath();
    switch (path) {
      case "/orders" -> reply(x, 201, "application/json", "{\"orderId\":\"o-1\",\"items\":[1,2]}", Map.of("X-Trace", "abc"));
      case "/text" -> reply(x, 200, "text/plain; charset=utf-8", "plain words", Map.of());
      case "/missing" -> reply(x, 404, "text/plain", "no such order", Map.of());
      case "/busy" -> reply(x, 429, "application/json", "{\"retryAfter\":3}", Map.of());
      case "/slow" -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(x, 200, "application/json", "{}", Map.of());
      }
      default -> reply(x, 200, "application/json", "{}", Map.of());
    }
  }

  private static void reply(HttpExchange x, int status, String type, String body, Map<String, String> headers) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    headers.forEach(x.getResponseHeaders()::add);
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private ExecutionResult run(String parameters, String catcher) {
    return run(new HttpInvoke(), parameters, catcher);
  }

  private ExecutionResult run(HttpInvoke invoke, String parameters, String catcher) {
    String task = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\",\"Parameters\":" + parameters
        + (catcher == null ? ",\"End\":true}" : ",\"Catch\":[" + catcher + "],\"End\":true}");
    String def = "{\"StartAt\":\"Call\",\"States\":{\"Call\":" + task
        + (catcher == null ? "" : ",\"Caught\":{\"Type\":\"Pass\",\"End\":true}") + "}}";
    try (Engine engine = Engine.builder().clock(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"))).fastTime(true)
        .region("eu-west-1").account("111111111111").handler(invoke).build()) {
      return engine.run(StateMachineParser.parse(def), "{\"order\":{\"id\":\"o-1\",\"qty\":2}}", RunOptions.defaults().withNames("Machine", "run-1"));
    }
  }

  @Test
  void aJsonCallSendsWhatTheTaskSaysAndAnswersAwssShape() throws Exception {
    ExecutionResult r = run("""
        {"ApiEndpoint":"%s/orders?source=web","Method":"POST",
         "Authentication":{"ConnectionArn":"arn:aws:events:eu-west-1:111111111111:connection/shop/1"},
         "Headers":{"X-Api-Key":"k-1","Accept":"application/json"},
         "QueryParameters":{"express":true,"tag":["a b","c"]},
         "RequestBody":{"id.$":"$.order.id","qty.$":"$.order.qty"}}""".formatted(base), null);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = r.output();
    assertThat(out.get("StatusCode").intValue()).isEqualTo(201);
    assertThat(out.get("StatusText").asText()).isEqualTo("Created");
    assertThat(out.get("ResponseBody")).isEqualTo(Json.parse("{\"orderId\":\"o-1\",\"items\":[1,2]}"));
    assertThat(headerValues(out, "X-trace")).containsExactly("abc");
    assertThat(headerValues(out, "content-type")).containsExactly("application/json");
    assertThat(Json.write(out)).startsWith("{\"Headers\":").contains("\"ResponseBody\"");

    Received req = received.get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.pathAndQuery()).isEqualTo("/orders?source=web&express=true&tag=a%20b&tag=c");
    assertThat(Json.parse(req.body())).isEqualTo(Json.parse("{\"id\":\"o-1\",\"qty\":2}"));
    assertThat(req.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(req.header("X-Api-Key")).isEqualTo("k-1");
    assertThat(req.header("User-Agent")).isEqualTo("Amazon|StepFunctions|HttpInvoke|eu-west-1");
    assertThat(req.header("Range")).isEqualTo("bytes=0-262144");
  }

  private static List<String> headerValues(JsonNode out, String name) {
    for (Map.Entry<String, JsonNode> e : out.get("Headers").properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().valueStream().map(JsonNode::asText).toList();
      }
    }
    return List.of();
  }

  @Test
  void aUrlEncodedBodyIsWrittenInTheArrayFormatAsked() throws Exception {
    String body = "{\"name\":\"Ada L\",\"tags\":[\"x\",\"y\"],\"address\":{\"city\":\"Paris\"}}";
    for (String[] c : new String[][] {
        {"INDICES", "name=Ada%20L&tags[0]=x&tags[1]=y&address[city]=Paris"},
        {"REPEAT", "name=Ada%20L&tags=x&tags=y&address[city]=Paris"},
        {"COMMAS", "name=Ada%20L&tags=x,y&address[city]=Paris"},
        {"BRACKETS", "name=Ada%20L&tags[]=x&tags[]=y&address[city]=Paris"}}) {
      received.clear();
      ExecutionResult r = run("""
          {"ApiEndpoint":"%s/form","Method":"PUT","Headers":{"Content-Type":"application/x-www-form-urlencoded"},
           "RequestBody":%s,"Transform":{"RequestBodyEncoding":"URL_ENCODED","RequestEncodingOptions":{"ArrayFormat":"%s"}}}"""
          .formatted(base, body, c[0]), null);
      assertThat(r.status()).as(c[0]).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(received.get(0).body()).as(c[0]).isEqualTo(c[1]);
      assertThat(received.get(0).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }
    received.clear();
    run("{\"ApiEndpoint\":\"%s/form\",\"Method\":\"POST\",\"RequestBody\":{\"a\":[1,2]},\"Transform\":{\"RequestBodyEncoding\":\"URL_ENCODED\"}}"
        .formatted(base), null);
    assertThat(received.get(0).body()).as("INDICES by default").isEqualTo("a[0]=1&a[1]=2");
  }

  @Test
  void aTextResponseIsGivenAsText() {
    ExecutionResult r = run("{\"ApiEndpoint\":\"%s/text\",\"Method\":\"GET\"}".formatted(base), null);
    assertThat(r.output().get("ResponseBody").asText()).isEqualTo("plain words");
    assertThat(received.get(0).body()).isEmpty();
  }

  @Test
  void aStatusOutside2xxFailsWithItsCodeAndTheResponseAsCauseAndCanBeCaught() throws Exception {
    ExecutionResult failed = run("{\"ApiEndpoint\":\"%s/missing\",\"Method\":\"GET\"}".formatted(base), null);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.Http.StatusCode.404");
    JsonNode cause = Json.parse(failed.cause());
    assertThat(cause.get("StatusCode").intValue()).isEqualTo(404);
    assertThat(cause.get("StatusText").asText()).isEqualTo("Not Found");
    assertThat(cause.get("ResponseBody").asText()).isEqualTo("no such order");

    ExecutionResult caught = run("{\"ApiEndpoint\":\"%s/busy\",\"Method\":\"GET\"}".formatted(base),
        "{\"ErrorEquals\":[\"States.Http.StatusCode.429\"],\"Next\":\"Caught\"}");
    assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(caught.output().get("Error").asText()).isEqualTo("States.Http.StatusCode.429");
    assertThat(Json.parse(caught.output().get("Cause").asText()).get("ResponseBody").get("retryAfter").intValue()).isEqualTo(3);
  }

  @Test
  void aForbiddenHeaderFailsWithStatesRuntimeAndNothingIsSent() {
    for (String header : List.of("Authorization", "Host", "x-amz-date", "X-Forwarded-For", "If-Match")) {
      ExecutionResult r = run("{\"ApiEndpoint\":\"%s/orders\",\"Method\":\"GET\",\"Headers\":{\"%s\":\"v\"}}".formatted(base, header), null);
      assertThat(r.error()).as(header).isEqualTo("States.Runtime");
      assertThat(r.cause()).contains("'" + header + "'");
    }
    assertThat(received).isEmpty();
  }

  @Test
  void badParametersFailWithStatesRuntimeNamingTheField() {
    assertThat(run("{\"Method\":\"GET\"}", null).cause()).contains("ApiEndpoint");
    assertThat(run("{\"ApiEndpoint\":\"%s\",\"Method\":\"FETCH\"}".formatted(base), null).cause()).contains("Method 'FETCH'");
    assertThat(run("{\"ApiEndpoint\":\"ftp://example.com/x\",\"Method\":\"GET\"}", null).cause()).contains("not an https");
    assertThat(run("{\"ApiEndpoint\":\"%s\",\"Method\":\"POST\",\"RequestBody\":{},\"Transform\":{\"RequestBodyEncoding\":\"XML\"}}"
        .formatted(base), null).cause()).contains("RequestBodyEncoding 'XML'");
    assertThat(received).isEmpty();
  }

  @Test
  void aCallPastTheLimitFailsWithStatesHttpSocket() {
    ExecutionResult r = run(new HttpInvoke(Duration.ofMillis(300)), "{\"ApiEndpoint\":\"%s/slow\",\"Method\":\"GET\"}".formatted(base), null);
    assertThat(r.error()).isEqualTo("States.Http.Socket");
    assertThat(r.cause()).contains("did not complete within");
  }

  @Test
  void anEndpointThatCannotBeReachedFailsWithStatesHttpSocket() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    ExecutionResult r = run("{\"ApiEndpoint\":\"http://127.0.0.1:%d/x\",\"Method\":\"GET\"}".formatted(closed), null);
    assertThat(r.error()).isEqualTo("States.Http.Socket");
    assertThat(r.cause()).contains("127.0.0.1:" + closed);
  }
}
