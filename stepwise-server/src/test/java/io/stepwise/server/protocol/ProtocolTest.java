package io.stepwise.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stepwise.server.TestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.0 protocol as raw HTTP, including what no client library sends. */
class ProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** The answer's status and error code, checked the way every answer must look. */
  private static JsonNode error(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue(code);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-amz-json-1.0"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("__type").asText()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
    return body;
  }

  @Test
  void aRequestWithoutTargetOrWithAnUnknownOneIsAnUnknownOperation() throws Exception {
    assertThat(error(t.post(null, "{}"), 400, "UnknownOperationException").path("message").asText())
        .contains("X-Amz-Target");
    assertThat(error(t.post("AWSStepFunctions.Nope", "{}"), 400, "UnknownOperationException").path("message").asText())
        .isEqualTo("Unknown operation: AWSStepFunctions.Nope");
    error(t.post("Other.ListStateMachines", "{}"), 400, "UnknownOperationException");
  }

  @Test
  void anOperationOfTheApiNotImplementedYetSaysSo() throws Exception {
    assertThat(error(t.post("AWSStepFunctions.StartExecution", "{}"), 400, "UnknownOperationException")
        .path("message").asText()).isEqualTo("Stepwise does not implement StartExecution yet");
  }

  @Test
  void malformedJsonAndWrongTypesAreSerializationErrors() throws Exception {
    error(t.post("AWSStepFunctions.ListStateMachines", "{\"maxResults\": "), 400, "SerializationException");
    error(t.post("AWSStepFunctions.ListStateMachines", "{} trailing"), 400, "SerializationException");
    error(t.post("AWSStepFunctions.ListStateMachines", "[1, 2]"), 400, "SerializationException");
    assertThat(error(t.post("AWSStepFunctions.ListStateMachines", "{\"maxResults\": \"10\"}"), 400, "SerializationException")
        .path("message").asText()).isEqualTo("Invalid value for 'maxResults': expected an integer, found a string");
    assertThat(error(t.post("AWSStepFunctions.CreateActivity", "{\"name\": 5}"), 400, "SerializationException")
        .path("message").asText()).isEqualTo("Invalid value for 'name': expected a string, found a number");
    error(t.post("AWSStepFunctions.CreateStateMachine", "{\"name\": \"n\", \"definition\": \"{}\", \"roleArn\": \"r\", \"publish\": \"yes\"}"),
        400, "SerializationException");
    error(t.post("AWSStepFunctions.TagResource", "{\"resourceArn\": \"a\", \"tags\": {\"k\": \"v\"}}"), 400, "SerializationException");
  }

  @Test
  void everyConstraintViolationIsReportedAtOnceInAwsWords() throws Exception {
    JsonNode body = error(t.post("AWSStepFunctions.CreateStateMachine", "{}"), 400, "ValidationException");
    assertThat(body.path("message").asText()).isEqualTo("3 validation errors detected: "
        + "Value null at 'name' failed to satisfy constraint: Member must not be null; "
        + "Value null at 'definition' failed to satisfy constraint: Member must not be null; "
        + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    // a sensitive member's value is left out of the message
    String big = "x".repeat(1_048_577);
    JsonNode tooLong = error(t.post("AWSStepFunctions.ValidateStateMachineDefinition",
        "{\"definition\": \"" + big + "\"}"), 400, "ValidationException");
    assertThat(tooLong.path("message").asText()).isEqualTo("1 validation error detected: Value at 'definition' failed to "
        + "satisfy constraint: Member must have length less than or equal to 1048576");
    assertThat(error(t.post("AWSStepFunctions.CreateStateMachine",
        "{\"name\": \"n\", \"definition\": \"{}\", \"roleArn\": \"r\", \"type\": \"standard\"}"), 400, "ValidationException")
        .path("message").asText()).isEqualTo("1 validation error detected: Value 'standard' at 'type' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithoutBeingKeptAndTheClientGetsItsAnswer() throws Exception {
    String body = "{\"definition\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    error(t.post("AWSStepFunctions.ValidateStateMachineDefinition", body), 413, "RequestEntityTooLargeException");
    // without a declared length (chunked), reading stops at the limit
    HttpRequest chunked = HttpRequest.newBuilder(URI.create(t.server.endpoint() + "/"))
        .header("X-Amz-Target", "AWSStepFunctions.ValidateStateMachineDefinition")
        .header("Content-Type", "application/x-amz-json-1.0")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
        .build();
    error(t.send(chunked), 413, "RequestEntityTooLargeException");
    // and the server goes on serving
    assertThat(t.post("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void answersAreAwsJsonWithRequestIdsAndTimestampsInEpochSeconds() throws Exception {
    HttpResponse<String> r = t.post("AWSStepFunctions.CreateActivity", "{\"name\": \"" + TestServer.unique("raw") + "\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/x-amz-json-1.0"));
    assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(v -> assertThat(v).hasSize(36));
    JsonNode created = JSON.readTree(r.body()).path("creationDate");
    assertThat(created.isNumber()).isTrue();
    assertThat(created.decimalValue()).isEqualByComparingTo(JsonOutput.epochSeconds(t.clock.instant()));
    assertThat(r.body()).contains("\"creationDate\":" + JsonOutput.epochSeconds(t.clock.instant()).toPlainString());
    // an operation without input may send no body at all
    assertThat(t.post("AWSStepFunctions.ListActivities", "").statusCode()).isEqualTo(200);
    // unknown members are ignored, as AWS ignores them
    assertThat(t.post("AWSStepFunctions.ListActivities", "{\"somethingNew\": true}").statusCode()).isEqualTo(200);
    // null reads as absent
    assertThat(t.post("AWSStepFunctions.ListActivities", "{\"nextToken\": null}").statusCode()).isEqualTo(200);
  }

  @Test
  void otherPathsAndMethodsAreNotTheApi() throws Exception {
    HttpResponse<String> r = t.send(HttpRequest.newBuilder(URI.create(t.server.endpoint() + "/")).GET()
        .timeout(Duration.ofSeconds(10)).build());
    error(r, 404, "UnknownOperationException");
    HttpResponse<String> elsewhere = t.send(HttpRequest.newBuilder(URI.create(t.server.endpoint() + "/other"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    error(elsewhere, 404, "UnknownOperationException");
  }
}
