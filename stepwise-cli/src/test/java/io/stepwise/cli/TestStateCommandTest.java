package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stepwise test-state}: TestState's response printed as JSON, its status as the exit code. */
class TestStateCommandTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static final String TASK = """
      {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},
       "Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":3,"MaxAttempts":2}],
       "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Recover"}],"Next":"Done"}""";

  @Test
  void aPassAtDebugPrintsItsOutputNextStateAndInspectionData() throws Exception {
    Path def = file("pass.json", """
        {"Type":"Pass","InputPath":"$.order","ResultPath":"$.copy","Next":"Ship"}""");
    Cli.Outcome o = Cli.stepwise("test-state", "--definition", def.toString(), "--input", "{\"order\":{\"id\":7}}",
        "--inspection-level", "DEBUG");
    assertThat(o.exit()).isZero();
    JsonNode r = Json.parse(o.out());
    assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.get("nextState").asText()).isEqualTo("Ship");
    assertThat(r.get("output").asText()).as("as the API gives it: a string of JSON").isEqualTo("{\"order\":{\"id\":7},\"copy\":{\"id\":7}}");
    assertThat(r.at("/inspectionData/afterInputPath").asText()).isEqualTo("{\"id\":7}");
  }

  @Test
  void eachStatusHasItsExitCode() throws Exception {
    Path task = file("task.json", TASK);
    Cli.Outcome ok = Cli.stepwise("test-state", "--definition", task.toString(), "--mock", "{\"result\":{\"Payload\":1}}");
    assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
    assertThat(Json.parse(ok.out()).get("output").asText()).isEqualTo("{\"Payload\":1}");

    Cli.Outcome retriable = Cli.stepwise("test-state", "--definition", task.toString(), "--inspection-level", "DEBUG",
        "--mock", "{\"errorOutput\":{\"error\":\"Busy\",\"cause\":\"later\"}}");
    assertThat(retriable.exit()).isEqualTo(4);
    JsonNode r = Json.parse(retriable.out());
    assertThat(r.get("status").asText()).isEqualTo("RETRIABLE");
    assertThat(r.at("/inspectionData/errorDetails/retryBackoffIntervalSeconds").asInt()).isEqualTo(3);

    Cli.Outcome caught = Cli.stepwise("test-state", "--definition", task.toString(),
        "--mock", "{\"errorOutput\":{\"error\":\"Busy\"}}", "--state-configuration", "{\"retrierRetryCount\":2}");
    assertThat(caught.exit()).isEqualTo(5);
    assertThat(Json.parse(caught.out()).get("nextState").asText()).isEqualTo("Recover");

    Path fail = file("fail.json", "{\"Type\":\"Fail\",\"Error\":\"No\",\"Cause\":\"because\"}");
    Cli.Outcome failed = Cli.stepwise("test-state", "--definition", fail.toString());
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(Json.parse(failed.out()).get("error").asText()).isEqualTo("No");
  }

  @Test
  void aStateOfAMachineFileIsTestedByNameAndAnUnmockedTaskCallsTheCannedFunction() throws Exception {
    Path machine = file("m.asl.json", """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:double",
          "Next":"End"},"End":{"Type":"Succeed"}}}""");
    Path responses = file("r.json", "{\"double\":{\"Return\":{\"n\":42}}}");
    Cli.Outcome o = Cli.stepwise("test-state", "--definition", machine.toString(), "--state-name", "Call",
        "--task-responses", responses.toString());
    assertThat(o.exit()).as(o.out() + o.err()).isZero();
    JsonNode r = Json.parse(o.out());
    assertThat(r.get("output").asText()).isEqualTo("{\"n\":42}");
    assertThat(r.get("nextState").asText()).isEqualTo("End");
  }

  @Test
  void traceShowsTheHttpTasksExchange() throws Exception {
    com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/ping", ex -> {
      byte[] body = "pong".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    try {
      Path task = file("http.json", """
          {"Type":"Task","Resource":"arn:aws:states:::http:invoke",
           "Parameters":{"ApiEndpoint":"http://127.0.0.1:%d/ping","Method":"GET"},"End":true}""".formatted(http.getAddress().getPort()));
      Cli.Outcome o = Cli.stepwise("test-state", "--definition", task.toString(), "--inspection-level", "TRACE");
      assertThat(o.exit()).as(o.out() + o.err()).isZero();
      JsonNode r = Json.parse(o.out());
      assertThat(r.at("/inspectionData/request/method").asText()).isEqualTo("GET");
      assertThat(r.at("/inspectionData/response/statusCode").asText()).isEqualTo("200");
      assertThat(r.at("/inspectionData/response/body").asText()).isEqualTo("pong");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void refusalsPrintTheApisErrorAndExitTwoOrThree() throws Exception {
    Path bad = file("bad.json", "{\"Type\":\"Pass\",\"Colour\":\"red\",\"End\":true}");
    Cli.Outcome invalid = Cli.stepwise("test-state", "--definition", bad.toString());
    assertThat(invalid.exit()).isEqualTo(3);
    assertThat(Json.parse(invalid.out()).get("__type").asText()).isEqualTo("InvalidDefinition");

    Path pass = file("pass.json", "{\"Type\":\"Pass\",\"End\":true}");
    Cli.Outcome mocked = Cli.stepwise("test-state", "--definition", pass.toString(), "--mock", "{\"result\":\"{}\"}");
    assertThat(mocked.exit()).isEqualTo(2);
    JsonNode e = Json.parse(mocked.out());
    assertThat(e.get("__type").asText()).isEqualTo("ValidationException");
    assertThat(e.get("message").asText()).isEqualTo("State type 'Pass' is not supported when a mock is specified");

    Cli.Outcome level = Cli.stepwise("test-state", "--definition", pass.toString(), "--inspection-level", "LOUD");
    assertThat(level.exit()).isEqualTo(2);
    assertThat(Json.parse(level.out()).get("message").asText()).contains("'inspectionLevel'");

    Cli.Outcome notJson = Cli.stepwise("test-state", "--definition", pass.toString(), "--mock", "{oops");
    assertThat(notJson.exit()).isEqualTo(2);
    assertThat(notJson.err()).startsWith("--mock: not valid JSON");

    Cli.Outcome missing = Cli.stepwise("test-state", "--definition", dir.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.json: no such file");
  }
}
