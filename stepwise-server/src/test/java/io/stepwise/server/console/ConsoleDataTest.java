package io.stepwise.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.Engine;
import io.stepwise.server.MutableClock;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The console's data endpoints over real HTTP, on executions the SDK started and a SQLite store holds. */
class ConsoleDataTest {
  private static final String WAITS = """
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
  private static final String FAILS = """
      {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Nope"}}}""";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Engine engine;
  private ExecutionBackend backend;
  private TestServer api;

  @BeforeEach
  void start() {
    engine = Engine.builder().region("us-east-1").account("123456789012").clock(clock).build();
    backend = ExecutionBackend.open(data, engine, clock);
    api = new TestServer(b -> b.runningExecutions(backend::anyRunning)
        .operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1))))
        .routes((cfg, services) -> ConsoleData.install(cfg, services, backend.store())));
  }

  @AfterEach
  void stop() {
    api.close();
    backend.close();
    engine.close();
  }

  private String machine(String name, String definition) {
    return api.sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(TestServer.ROLE)).stateMachineArn();
  }

  private String startAt(String machine, String name, String at) throws Exception {
    clock.set(Instant.parse(at));
    String arn = api.sfn.startExecution(b -> b.stateMachineArn(machine).name(name)).executionArn();
    for (int i = 0; i < 500 && api.sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING
        && machine.endsWith("Fails"); i++) {
      Thread.sleep(10);
    }
    return arn;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.send(HttpRequest.newBuilder(URI.create(api.server.endpoint() + path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return Json.parse(r.body());
  }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("executions").forEach(e -> out.add(e.get("name").asText()));
    return out;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void everyMachinesExecutionsNewestFirstFilteredByStatusMachineAndStartTimeAndPaged() throws Exception {
    String waits = machine("Waits", WAITS);
    String fails = machine("Fails", FAILS);
    startAt(waits, "w1", "2026-03-01T10:00:00Z");
    startAt(fails, "f1", "2026-03-01T11:00:00Z");
    startAt(waits, "w2", "2026-03-01T12:00:00Z");
    startAt(fails, "f2", "2026-03-01T13:00:00Z");
    startAt(waits, "w3", "2026-03-01T14:00:00Z");

    JsonNode all = ok("/console/api/executions");
    assertThat(names(all)).containsExactly("w3", "f2", "w2", "f1", "w1");
    assertThat(all.has("nextToken")).isFalse();
    JsonNode newest = all.get("executions").get(0);
    assertThat(newest.get("stateMachineArn").asText()).isEqualTo(waits);
    assertThat(newest.get("status").asText()).isEqualTo("RUNNING");
    assertThat(newest.get("startDate").decimalValue()).isEqualByComparingTo("1772373600"); // epoch seconds, as ListExecutions

    assertThat(names(ok("/console/api/executions?status=FAILED"))).containsExactly("f2", "f1");
    assertThat(names(ok("/console/api/executions?status=running&stateMachineArn=" + q(waits)))).containsExactly("w3", "w2", "w1");
    assertThat(names(ok("/console/api/executions?startedAfter=" + q("2026-03-01T11:00:00Z") + "&startedBefore="
        + q("2026-03-01T14:00:00+01:00")))).as("from its first instant, to before its last (13:00Z)").containsExactly("w2", "f1");
    assertThat(names(ok("/console/api/executions?startedAfter=" + Instant.parse("2026-03-01T12:00:00Z").toEpochMilli())))
        .containsExactly("w3", "f2", "w2");
    assertThat(names(ok("/console/api/executions?stateMachineArn=" + q(fails) + "&startedBefore=" + q("2026-03-01T12:00:00Z"))))
        .containsExactly("f1");

    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = ok("/console/api/executions?maxResults=2" + (token == null ? "" : "&nextToken=" + q(token)));
      paged.addAll(names(page));
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
      pages++;
    } while (token != null);
    assertThat(paged).containsExactly("w3", "f2", "w2", "f1", "w1");
    assertThat(pages).isEqualTo(3);

    // a machine's listing is ListExecutions' answer, field for field
    HttpResponse<String> listed = api.post("AWSStepFunctions.ListExecutions", "{\"stateMachineArn\":\"" + waits + "\"}");
    assertThat(ok("/console/api/executions?stateMachineArn=" + q(waits))).isEqualTo(Json.parse(listed.body()));
  }

  @Test
  void aBadParameterIsA400ThatNamesIt() throws Exception {
    machine("Waits", WAITS);
    String[][] cases = {
        {"status=DONE", "status", "must be one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, not 'DONE'"},
        {"startedAfter=yesterday", "startedAfter", "ISO-8601"},
        {"startedBefore=2026-03-01T10:00:00", "startedBefore", "with its offset"},
        {"startedAfter=2026-03-02T00:00:00Z&startedBefore=2026-03-01T00:00:00Z", "startedBefore", "later than startedAfter"},
        {"maxResults=0", "maxResults", "from 1 to 1000, not '0'"},
        {"maxResults=1001", "maxResults", "not '1001'"},
        {"maxResults=ten", "maxResults", "not 'ten'"},
        {"nextToken=forged", "nextToken", "was not handed out"},
        {"stateMachineArn=Waits", "stateMachineArn", "not a state machine's ARN"},
        {"statusFilter=FAILED", "statusFilter", "Unknown parameter 'statusFilter'"},
        {"status=FAILED&status=RUNNING", "status", "given 2 times"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = get("/console/api/executions?" + c[0]);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      JsonNode body = Json.parse(r.body());
      assertThat(body.get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(body.get("message").asText()).as(c[0]).contains(c[2]);
    }
  }

  @Test
  void anActivitysTasksWaitingForAWorkerAndTakenByOne() throws Exception {
    String activity = api.sfn.createActivity(b -> b.name("pack")).activityArn();
    String machine = machine("Packs", """
        {"StartAt":"Pack","States":{"Pack":{"Type":"Task","Resource":"%s","TimeoutSeconds":600,"HeartbeatSeconds":60,"End":true}}}"""
        .formatted(activity));
    String first = startAt(machine, "first", "2026-03-01T10:00:00Z");
    String second = startAt(machine, "second", "2026-03-01T10:05:00Z");
    String tasks = "/console/api/activities/tasks?activityArn=" + q(activity);
    for (int i = 0; i < 500 && ok(tasks).get("scheduled").size() < 2; i++) {
      Thread.sleep(10);
    }
    JsonNode waiting = ok(tasks);
    assertThat(waiting.get("scheduled")).extracting(t -> t.get("executionArn").asText()).containsExactly(first, second);
    assertThat(waiting.get("running")).isEmpty();
    JsonNode one = waiting.get("scheduled").get(0);
    assertThat(one.get("stateName").asText()).isEqualTo("Pack");
    assertThat(one.get("heartbeatSeconds").asLong()).isEqualTo(60);
    assertThat(one.get("timeoutSeconds").asLong()).isEqualTo(600);
    assertThat(one.get("scheduledDate").decimalValue()).isEqualByComparingTo("1772359200");
    assertThat(one.has("taskToken")).as("a token would let the page's reader answer the task").isFalse();

    clock.set(Instant.parse("2026-03-01T10:10:00Z"));
    var taken = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer-1"));
    assertThat(taken.taskToken()).isNotNull();
    JsonNode after = ok(tasks);
    assertThat(after.get("scheduled")).extracting(t -> t.get("executionArn").asText()).containsExactly(second);
    assertThat(after.get("running")).singleElement().satisfies(t -> {
      assertThat(t.get("executionArn").asText()).isEqualTo(first);
      assertThat(t.get("workerName").asText()).isEqualTo("packer-1");
      assertThat(t.get("startedDate").decimalValue()).isEqualByComparingTo("1772359800");
    });
    assertThat(ok(tasks + "&maxResults=1").get("moreScheduled").asBoolean()).isFalse();

    api.sfn.sendTaskSuccess(b -> b.taskToken(taken.taskToken()).output("{}"));
    for (int i = 0; i < 500 && ok(tasks).get("running").size() > 0; i++) {
      Thread.sleep(10);
    }
    assertThat(ok(tasks).get("running")).as("answered: no longer running").isEmpty();

    HttpResponse<String> unknown = get("/console/api/activities/tasks?activityArn=" + q(activity + "x"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("ActivityDoesNotExist");
    HttpResponse<String> missing = get("/console/api/activities/tasks");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Json.parse(missing.body()).get("parameter").asText()).isEqualTo("activityArn");
    assertThat(get("/console/api/activities/tasks?activityArn=" + q(machine)).statusCode()).isEqualTo(400);
  }
}
