package io.stepwise.integrations.lambda.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.lambda.LambdaFunctions;
import io.stepwise.integrations.lambda.config.FunctionSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP-endpoint function through real workflow runs, against a real local HTTP server. */
class UrlFunctionTest {
  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private Engine engine;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.put("body", body);
      seen.put("requestId", String.valueOf(ex.getRequestHeaders().getFirst("Lambda-Runtime-Aws-Request-Id")));
      seen.put("arn", String.valueOf(ex.getRequestHeaders().getFirst("Lambda-Runtime-Invoked-Function-Arn")));
      String path = ex.getRequestURI().getPath();
      int status = 200;
      String out;
      switch (path) {
        case "/ok" -> out = "{\"echo\":" + body + "}";
        case "/error-shaped" -> out = "{\"errorType\":\"OutOfStock\",\"errorMessage\":\"none left\"}";
        case "/500" -> {
          status = 500;
          out = "upstream broke";
        }
        case "/slow" -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out = "{}";
        }
        default -> out = "{}";
      }
      byte[] b = out.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    if (engine != null) {
      engine.close();
    }
  }

  private ExecutionResult call(String path, Duration timeout, String payload) {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return callUrl(url, timeout, payload);
  }

  private ExecutionResult callUrl(URI url, Duration timeout, String payload) {
    UrlTarget t = new UrlTarget(new FunctionSpec.Url("quote", url, timeout, 128));
    engine = Engine.builder().handler(LambdaFunctions.withSystemClockAndRandomIds().target("quote", t).build()).build();
    return engine.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"quote","Payload":%s},"End":true}}}""".formatted(payload)), "{}",
        RunOptions.defaults().withNames("M", "e"));
  }

  @Test
  void theEventIsPostedAsJsonAndTheBodyIsThePayload() throws Exception {
    ExecutionResult r = call("/ok", Duration.ofSeconds(5), "{\"item\":\"tea\"}");
    JsonNode out = r.output();
    assertThat(out.get("Payload")).isEqualTo(Json.parse("{\"echo\":{\"item\":\"tea\"}}"));
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(seen.get("requestId")).isEqualTo(out.get("SdkResponseMetadata").get("RequestId").asText());
    assertThat(seen.get("arn")).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:quote");
  }

  @Test
  void aBodyShapedAsALambdaErrorIsTheFunctionsErrorAndANon2xxWithoutAnErrorTypeIsLambdaUnknown() {
    ExecutionResult shaped = call("/error-shaped", Duration.ofSeconds(5), "{}");
    assertThat(shaped.error()).isEqualTo("OutOfStock");
    assertThat(shaped.cause()).isEqualTo("{\"errorType\":\"OutOfStock\",\"errorMessage\":\"none left\"}");
    ExecutionResult broken = call("/500", Duration.ofSeconds(5), "{}");
    assertThat(broken.error()).isEqualTo("Lambda.Unknown");
    assertThat(broken.cause()).isEqualTo("The cause could not be determined because Lambda did not return an error type."
        + " Returned payload: upstream broke");
  }

  @Test
  void anEndpointSlowerThanTheTimeoutIsSandboxTimedoutAndOneThatCannotBeReachedIsAServiceException() throws Exception {
    ExecutionResult slow = call("/slow", Duration.ofMillis(300), "{}");
    assertThat(slow.error()).isEqualTo("Sandbox.Timedout");
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ExecutionResult down = callUrl(URI.create("http://127.0.0.1:" + closed + "/"), Duration.ofSeconds(2), "{}");
    assertThat(down.error()).isEqualTo("Lambda.ServiceException");
    assertThat(down.cause()).startsWith("Stepwise could not reach the function quote at http://127.0.0.1:" + closed + "/")
        .contains("(Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: ");
  }

  @Test
  void aDeclaredFunctionCalledWithWaitForTaskTokenHandsTheTaskOnAndItWaitsForTheCallback() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
    UrlTarget t = new UrlTarget(new FunctionSpec.Url("courier", url, Duration.ofSeconds(5), 128));
    engine = Engine.builder().handler(LambdaFunctions.withSystemClockAndRandomIds().target("courier", t).build()).build();
    ExecutionResult r = engine.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"courier","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}"""), "{}",
        RunOptions.defaults().withNames("M", "e"));
    assertThat(r.status()).as("it waits for SendTaskSuccess, as on AWS").isEqualTo(io.stepwise.engine.ExecutionStatus.RUNNING);
    assertThat(Json.parse(seen.get("body")).get("token").asText()).isNotEmpty();
    var submitted = r.events().stream().filter(e -> e.type() == io.stepwise.engine.history.EventType.TaskSubmitted).toList();
    assertThat(submitted).hasSize(1);
    assertThat(r.historyJson().toString()).contains("\"taskSubmittedEventDetails\"").contains("StatusCode");
  }
}
