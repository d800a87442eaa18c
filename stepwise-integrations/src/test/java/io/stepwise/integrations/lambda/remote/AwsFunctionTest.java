package io.stepwise.integrations.lambda.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.RunOptions;
import io.stepwise.integrations.Integration;
import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.config.ServicesSettings;
import io.stepwise.integrations.lambda.LambdaIntegration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Lambda through the SDK's LambdaClient, against a local server answering Lambda's REST
 * Invoke ({@code POST /2015-03-31/functions/NAME/invocations}) as Lambda does: what the SDK sends
 * for each parameter, and how Lambda's answers and errors reach the task.
 */
class AwsFunctionTest {
  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private Integration lambda;
  private Engine engine;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/2015-03-31/functions/", this::answer);
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    ServicesSettings services = ServicesSettings.resolve(Json.NODES.objectNode().set("lambda", Json.NODES.objectNode()
        .put("endpoint", endpoint).put("region", "eu-west-1").put("accessKeyId", "AKID").put("secretAccessKey", "secret")),
        Map.of(), List.of());
    JsonNode functions;
    try {
      functions = Json.parse("{\"charge\":{\"aws\":\"billing-charge\"}}");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    lambda = LambdaIntegration.create(new IntegrationContext(services, functions, Path.of("."), null, "us-east-1", "123456789012",
        InstantSource.system()));
    Engine.Builder b = Engine.builder().region("us-east-1");
    lambda.handlers().forEach(b::handler);
    engine = b.build();
  }

  @AfterEach
  void stop() {
    engine.close();
    lambda.close();
    server.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String name = path.substring("/2015-03-31/functions/".length(), path.lastIndexOf("/invocations"));
    seen.put("name", java.net.URLDecoder.decode(name, StandardCharsets.UTF_8));
    seen.put("query", String.valueOf(ex.getRequestURI().getQuery()));
    for (String h : List.of("X-Amz-Invocation-Type", "X-Amz-Log-Type", "X-Amz-Client-Context", "Authorization")) {
      seen.put(h, String.valueOf(ex.getRequestHeaders().getFirst(h)));
    }
    seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    int status = 200;
    String body = "{\"ok\":true}";
    String fn = seen.get("name");
    if (fn.endsWith("throttled")) {
      status = 429;
      ex.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
      body = "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}";
    } else if (fn.endsWith("broken")) {
      status = 500;
      ex.getResponseHeaders().add("x-amzn-ErrorType", "ServiceException");
      body = "{\"Type\":\"Service\",\"message\":\"internal\"}";
    } else if (fn.endsWith("odd")) {
      status = 500;
      ex.getResponseHeaders().add("x-amzn-ErrorType", "SomethingNewException");
      body = "{\"message\":\"new\"}";
    } else if (fn.endsWith("failing")) {
      ex.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
      body = "{\"errorMessage\":\"no card\",\"errorType\":\"CardDeclined\"}";
    } else if ("Event".equals(seen.get("X-Amz-Invocation-Type"))) {
      status = 202;
      body = "";
    }
    ex.getResponseHeaders().add("x-amzn-RequestId", "rid-1");
    if (status == 200) {
      ex.getResponseHeaders().add("X-Amz-Executed-Version", "4");
      if ("Tail".equals(seen.get("X-Amz-Log-Type"))) {
        ex.getResponseHeaders().add("X-Amz-Log-Result", "TE9H");
      }
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
    ex.close();
  }

  private ExecutionResult invoke(String parameters) {
    return engine.run(StateMachineParser.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":%s,"End":true}}}"""
        .formatted(parameters)), "{}", RunOptions.defaults().withNames("M", "e"));
  }

  @Test
  void everyInvokeParameterReachesLambdaAndItsAnswerIsTheEnvelope() {
    String cc = java.util.Base64.getEncoder().encodeToString("{\"custom\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8));
    JsonNode out = invoke("{\"FunctionName\":\"orders:live\",\"Payload\":{\"id\":7},\"LogType\":\"Tail\",\"ClientContext\":\"" + cc + "\"}")
        .output();
    assertThat(seen.get("name")).isEqualTo("orders");
    assertThat(seen.get("query")).isEqualTo("Qualifier=live");
    assertThat(seen.get("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
    assertThat(seen.get("X-Amz-Log-Type")).isEqualTo("Tail");
    assertThat(seen.get("X-Amz-Client-Context")).isEqualTo(cc);
    assertThat(seen.get("Authorization")).contains("Credential=AKID/").contains("/eu-west-1/lambda/aws4_request");
    assertThat(seen.get("body")).isEqualTo("{\"id\":7}");
    assertThat(out.get("Payload")).isEqualTo(((ObjectNode) Json.NODES.objectNode()).put("ok", true));
    assertThat(out.get("ExecutedVersion").asText()).isEqualTo("4");
    assertThat(out.get("LogResult").asText()).isEqualTo("TE9H");
  }

  @Test
  void aDeclaredAwsFunctionCallsItsRemoteNameAndAnEventIsQueued() {
    JsonNode out = invoke("{\"FunctionName\":\"charge\",\"InvocationType\":\"Event\"}").output();
    assertThat(seen.get("name")).isEqualTo("billing-charge");
    assertThat(seen.get("X-Amz-Invocation-Type")).isEqualTo("Event");
    assertThat(out.get("StatusCode").asInt()).isEqualTo(202);
    assertThat(out.get("Payload").asText()).isEmpty();
  }

  @Test
  void lambdasErrorsBecomeStepFunctionsErrors() {
    ExecutionResult failing = invoke("{\"FunctionName\":\"failing\"}");
    assertThat(failing.error()).isEqualTo("CardDeclined");
    assertThat(failing.cause()).isEqualTo("{\"errorMessage\":\"no card\",\"errorType\":\"CardDeclined\"}");
    ExecutionResult throttled = invoke("{\"FunctionName\":\"throttled\"}");
    assertThat(throttled.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(throttled.cause()).isEqualTo("Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException;"
        + " Request ID: rid-1; Proxy: null)");
    assertThat(invoke("{\"FunctionName\":\"broken\"}").error()).isEqualTo("Lambda.ServiceException");
    assertThat(invoke("{\"FunctionName\":\"odd\"}").error()).isEqualTo("Lambda.AWSLambdaException");
    server.stop(0);
    ExecutionResult down = invoke("{\"FunctionName\":\"orders\"}");
    assertThat(down.error()).isEqualTo("Lambda.SdkClientException");
  }

  @Test
  void theLogLineSaysWhereEachFunctionAndEveryOtherNameGo() {
    assertThat(lambda.describe()).isEqualTo("remote, 1 function declared: charge (aws: billing-charge on http://127.0.0.1:"
        + server.getAddress().getPort() + " in eu-west-1); other names go to http://127.0.0.1:" + server.getAddress().getPort()
        + " in eu-west-1");
  }
}
