package io.stepwise.server.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.integrations.http.HttpInvoke;
import io.stepwise.server.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState through the AWS SDK for Java v2: a mocked service result held to the service's
 * response shape (fieldValidationMode, in AWS's words), and an HTTP Task's request and response
 * at TRACE, against a local HTTP endpoint.
 */
class TestStateShapesAndTraceTest {
  @TempDir Path data;
  private TestStateServer server;
  private SfnClient sfn;
  private HttpServer http;
  private final AtomicReference<String> received = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/orders", ex -> {
      received.set(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("fail") ? 500 : 200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    server = new TestStateServer(data, Engine.builder().region("us-east-1").account("123456789012").handler(new HttpInvoke()).build());
    sfn = server.sfn;
  }

  @AfterEach
  void stop() {
    server.close();
    http.stop(0);
  }

  private TestStateResponse test(Consumer<TestStateRequest.Builder> request) {
    return sfn.testState(request);
  }

  private String refused(Consumer<TestStateRequest.Builder> request) {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> sfn.testState(request));
    assertThat(e).as("the call should fail with ValidationException").isNotNull();
    return e.awsErrorDetails().errorMessage();
  }

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  private static final String LAMBDA = """
      {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""";

  private static final String START = """
      {"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"arn"},"End":true}""";

  @Test
  void aMockedServiceResultIsHeldToTheServicesResponseShape() {
    assertThat(refused(b -> b.definition(START).mock(m -> m.result("{\"StartDate\":\"2025-01-01\"}"))))
        .isEqualTo("Mock result schema validation error: Required field 'ExecutionArn' is missing");
    assertThat(refused(b -> b.definition(START)
        .mock(m -> m.result("{\"ExecutionArn\":\"a\",\"StartDate\":true}"))))
        .isEqualTo("Mock result schema validation error: Field 'StartDate' must be a string");
    assertThat(test(b -> b.definition(START).mock(m -> m.result("{\"StartDate\":\"2025-01-01\"}")
        .fieldValidationMode(MockResponseValidationMode.PRESENT))).status()).as("PRESENT: required fields may be absent")
        .isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(test(b -> b.definition(START).mock(m -> m.result("{\"StartDate\":7}")
        .fieldValidationMode(MockResponseValidationMode.NONE))).status()).as("NONE: not checked").isEqualTo(TestExecutionStatus.SUCCEEDED);

    String events = """
        {"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[]},"End":true}""";
    assertThat(refused(b -> b.definition(events).mock(m -> m.result("{\"Entries\":{}}"))))
        .isEqualTo("Mock result schema validation error: Field 'Entries' must be an array");
    assertThat(refused(b -> b.definition(events)
        .mock(m -> m.result("{\"Entries\":[{\"EventId\":\"a\"},{\"EventId\":2}]}"))))
        .isEqualTo("Mock result schema validation error: Field 'EventId' must be a string");
    assertThat(test(b -> b.definition(events).mock(m -> m.result("{\"Entries\":[{\"EventId\":\"a\"}],\"Extra\":1}"))).status())
        .as("a field the shape does not have is allowed").isEqualTo(TestExecutionStatus.SUCCEEDED);

    assertThat(refused(b -> b.definition(LAMBDA).mock(m -> m.result("{\"StatusCode\":\"200\"}"))))
        .isEqualTo("Mock result schema validation error: Field 'StatusCode' must be a number");
    assertThat(test(b -> b.definition(LAMBDA).mock(m -> m.result("{\"StatusCode\":200,\"Payload\":{\"any\":\"json\"}}"))).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);

    String s3 = """
        {"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b","Key":"k"},"End":true}""";
    assertThat(refused(b -> b.definition(s3).mock(m -> m.result("{\"StorageClass\":\"SOMEWHERE\"}"))))
        .isEqualTo("Mock result schema validation error: Field 'StorageClass' is not an expected value");
    assertThat(refused(b -> b.definition(s3).mock(m -> m.result("{\"ContentLength\":\"12\"}"))))
        .isEqualTo("Mock result schema validation error: Field 'ContentLength' must be a number");
    assertThat(test(b -> b.definition(s3).mock(m -> m.result("{\"StorageClass\":\"STANDARD\",\"ContentLength\":12}"))).status())
        .isEqualTo(TestExecutionStatus.SUCCEEDED);

    String function = """
        {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}""";
    assertThat(test(b -> b.definition(function).mock(m -> m.result("[\"anything\"]"))).status())
        .as("a Lambda function's own result has no service shape").isEqualTo(TestExecutionStatus.SUCCEEDED);
  }

  @Test
  void traceShowsAnHttpTasksRequestAndResponse() throws Exception {
    String endpoint = "http://127.0.0.1:" + http.getAddress().getPort() + "/orders";
    String task = """
        {"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"%s","Method":"POST",
         "Headers":{"x-request":"r1"},"QueryParameters":{"q.$":"$.q"},"RequestBody":{"id":7}},"End":true}""".formatted(endpoint);
    TestStateResponse r = test(b -> b.definition(task).roleArn(TestServer.ROLE).input("{\"q\":\"new\"}")
        .inspectionLevel(InspectionLevel.TRACE));
    assertThat(r.status()).as(String.valueOf(r.cause())).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(received.get()).isEqualTo("POST /orders?q=new {\"id\":7}");
    var req = r.inspectionData().request();
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.url()).isEqualTo(endpoint + "?q=new");
    assertThat(req.protocol()).isEqualTo("http");
    assertThat(req.body()).isEqualTo("{\"id\":7}");
    assertThat(json(req.headers()).get("x-request").asText()).isEqualTo("r1");
    var res = r.inspectionData().response();
    assertThat(res.statusCode()).isEqualTo("200");
    assertThat(res.statusMessage()).isEqualTo("OK");
    assertThat(res.body()).isEqualTo("{\"accepted\":true}");
    assertThat(json(res.headers()).properties()).anySatisfy(h -> {
      assertThat(h.getKey()).isEqualToIgnoringCase("Content-Type");
      assertThat(h.getValue().asText()).isEqualTo("application/json");
    });

    TestStateResponse debug = test(b -> b.definition(task).roleArn(TestServer.ROLE).input("{\"q\":\"new\"}")
        .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(debug.inspectionData().request()).as("only TRACE shows the HTTP exchange").isNull();

    TestStateResponse failed = test(b -> b.definition(task).roleArn(TestServer.ROLE).input("{\"q\":\"fail\"}")
        .inspectionLevel(InspectionLevel.TRACE));
    assertThat(failed.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.Http.StatusCode.500");
    assertThat(failed.inspectionData().response().statusCode()).isEqualTo("500");
  }
}
