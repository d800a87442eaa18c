package io.stepwise.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stepwise.engine.Engine;
import io.stepwise.server.TestServer;
import io.stepwise.server.backend.ExecutionBackend;
import io.stepwise.server.operations.executions.ExecutionOperations;
import io.stepwise.server.operations.executions.Executions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * GET /console/executions/events over real HTTP: a running execution's events as they are stored,
 * in GetExecutionHistory's shape, to its end; a reconnection resuming at Last-Event-ID; the
 * requests refused before a stream starts; and a client that stops reading, which is dropped
 * without holding up any execution.
 */
class ExecutionStreamsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Engine engine;
  private ExecutionBackend backend;
  private ExecutionStreams streams;
  private TestServer api;

  /** A server with the console's routes, the streams bounded as given, a heartbeat every 200 ms. */
  private void start(int maxStreams, int queueCapacity, boolean signedOnly) {
    ConsoleAccess access = signedOnly
        ? ConsoleAccess.signedIn(new io.stepwise.server.auth.ConsoleSessions("console-token-for-tests-0123456789", java.time.InstantSource.system()))
        : ConsoleAccess.OPEN;
    engine = Engine.builder().region("us-east-1").account("123456789012").build();
    backend = ExecutionBackend.inMemory(engine, InstantSource.system());
    streams = new ExecutionStreams(backend.store(), access, maxStreams, queueCapacity, Duration.ofMillis(200));
    backend.runtime().onStored(streams::stored);
    api = new TestServer(b -> b.operations(s -> ExecutionOperations.all(new Executions(s, backend, new SplittableRandom(1))))
        .routes((cfg, s) -> ConsoleRoutes.install(cfg, access, streams)));
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
      backend.close();
      engine.close();
    }
  }

  private URI events(String arn, String more) {
    return URI.create(api.server.endpoint() + ExecutionStreams.PATH + "?executionArn="
        + URLEncoder.encode(arn, StandardCharsets.UTF_8) + more);
  }

  private String activity() {
    return api.sfn.createActivity(b -> b.name(TestServer.unique("pack"))).activityArn();
  }

  /** Work (the activity) then Done. */
  private String startPacking(String activity) {
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("packing")).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","Next":"Done"},
          "Done":{"Type":"Pass","Result":{"packed":true},"End":true}}}""".formatted(activity))).stateMachineArn();
    return api.sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"box\":1}")).executionArn();
  }

  /** Reads history events until one of the type arrives; the events read, in order. */
  private static List<JsonNode> until(SseStream s, String type, List<String> ids) throws Exception {
    List<JsonNode> read = new ArrayList<>();
    while (read.isEmpty() || !read.getLast().get("type").asText().equals(type)) {
      SseStream.Event e = s.next();
      assertThat(e).as("the stream goes on until " + type).isNotNull();
      assertThat(e.name()).isEqualTo("history");
      JsonNode batch = JSON.readTree(e.data());
      assertThat(e.id()).as("each batch's id is its last event's").isEqualTo(batch.get(batch.size() - 1).get("id").asText());
      ids.add(e.id());
      batch.forEach(read::add);
    }
    return read;
  }

  private JsonNode history(String arn) throws Exception {
    return JSON.readTree(api.post("AWSStepFunctions.GetExecutionHistory", "{\"executionArn\":\"" + arn + "\"}").body()).get("events");
  }

  @Test
  void followsARunningExecutionAsItsEventsAreStoredToItsEndInGetExecutionHistorysShape() throws Exception {
    start(10, 64, false);
    String activity = activity();
    String arn = startPacking(activity);
    List<JsonNode> seen = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (SseStream s = SseStream.open(events(arn, ""), Map.of())) {
      assertThat(s.response.statusCode()).isEqualTo(200);
      assertThat(s.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      seen.addAll(until(s, "ActivityScheduled", ids));
      assertThat(api.sfn.describeExecution(b -> b.executionArn(arn)).status()).as("read while it runs").isEqualTo(ExecutionStatus.RUNNING);

      var task = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer"));
      seen.addAll(until(s, "ActivityStarted", ids));
      api.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"weight\":3}"));
      seen.addAll(until(s, "ExecutionSucceeded", ids));

      SseStream.Event end = s.next();
      assertThat(end.name()).isEqualTo("end");
      assertThat(JSON.readTree(end.data()).get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(s.next()).as("the stream closes after its end").isNull();
    }
    assertThat(ids).as("a batch for the start, one as the worker took the task, one as it answered").hasSizeGreaterThanOrEqualTo(3);
    assertThat((JsonNode) JSON.valueToTree(seen)).as("every event once, in order, as GetExecutionHistory has it").isEqualTo(history(arn));
    assertThat(streams.openStreams()).isZero();
  }

  @Test
  void aReconnectionWithLastEventIdResumesWithoutGapsOrRepeats() throws Exception {
    start(10, 64, false);
    String activity = activity();
    String arn = startPacking(activity);
    List<JsonNode> seen = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (SseStream s = SseStream.open(events(arn, ""), Map.of())) {
      seen.addAll(until(s, "ActivityScheduled", ids));
    }
    // while no one follows it: the worker takes the task and answers, and the execution ends
    var task = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer"));
    api.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"weight\":3}"));
    for (int i = 0; i < 500 && api.sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
    }
    // as a browser reconnects: Last-Event-ID, which wins over the page's after=
    try (SseStream s = SseStream.open(events(arn, "&after=1"), Map.of("Last-Event-ID", ids.getLast()))) {
      List<SseStream.Event> rest = s.rest();
      assertThat(rest.getLast().name()).isEqualTo("end");
      assertThat(JSON.readTree(rest.getLast().data()).get("status").asText()).isEqualTo("SUCCEEDED");
      for (SseStream.Event e : rest.subList(0, rest.size() - 1)) {
        JSON.readTree(e.data()).forEach(seen::add);
      }
    }
    assertThat((JsonNode) JSON.valueToTree(seen)).isEqualTo(history(arn));

    // a page that has the first two events asks for the rest with after=
    try (SseStream s = SseStream.open(events(arn, "&after=2"), Map.of())) {
      SseStream.Event first = s.next();
      assertThat(JSON.readTree(first.data()).get(0).get("id").asLong()).isEqualTo(3);
      assertThat(s.rest().getLast().name()).isEqualTo("end");
    }
    // after the last: only the end
    try (SseStream s = SseStream.open(events(arn, ""), Map.of("Last-Event-ID", Long.toString(history(arn).size())))) {
      assertThat(s.rest()).extracting(SseStream.Event::name).containsExactly("end");
    }
  }

  @Test
  void refusesWhatIsNotAnExecutionItHasAndMoreStreamsThanItServes() throws Exception {
    start(2, 64, false);
    String arn = startPacking(activity());
    String base = api.server.endpoint() + ExecutionStreams.PATH;
    Map<String, String> sse = Map.of("Accept", "text/event-stream");

    var none = SseStream.refused(URI.create(base), sse);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("executionArn is required");
    var malformed = SseStream.refused(events("order-7", ""), sse);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).isEqualTo("executionArn is not an execution's ARN: Invalid Arn: 'Invalid ARN prefix: order-7'");
    var machine = SseStream.refused(events(arn.replace(":execution:", ":stateMachine:").replaceAll(":[^:]+$", ""), ""), sse);
    assertThat(machine.statusCode()).isEqualTo(400);
    assertThat(machine.body()).contains("Resource type not valid in this context: stateMachine");
    var unknown = SseStream.refused(events(arn + "-nope", ""), sse);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("Execution Does Not Exist: '" + arn + "-nope'");
    var badId = SseStream.refused(events(arn, ""), Map.of("Accept", "text/event-stream", "Last-Event-ID", "seven"));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).isEqualTo("Last-Event-ID must be an event id (a whole number, 0 or more), not 'seven'");
    var notSse = SseStream.refused(events(arn, ""), Map.of());
    assertThat(notSse.statusCode()).isEqualTo(406);

    SseStream one = SseStream.open(events(arn, ""), Map.of());
    try (SseStream two = SseStream.open(events(arn, ""), Map.of())) {
      assertThat(two.response.statusCode()).isEqualTo(200);
      var third = SseStream.refused(events(arn, ""), sse);
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.body()).isEqualTo("At most 2 execution event streams are served at once; close a console page or try again later");
      assertThat(third.headers().firstValue("Retry-After")).hasValue("10");

      one.close(); // the server learns it at its next heartbeat, and frees its place
      int status = 503;
      for (int i = 0; i < 200 && status == 503; i++) {
        Thread.sleep(50);
        try (SseStream again = SseStream.open(events(arn, ""), Map.of())) {
          status = again.response.statusCode();
        }
      }
      assertThat(status).as("a client that went is removed").isEqualTo(200);
    } finally {
      one.close();
    }
  }

  @Test
  void needsTheConsolesSessionWhenRequestsMustBeSigned() throws Exception {
    start(2, 64, true);
    var r = SseStream.refused(events("arn:aws:states:us-east-1:123456789012:execution:m:e", ""), Map.of("Accept", "text/event-stream"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("sign in to the console with its token");
  }

  @Test
  void aClientThatStopsReadingIsDroppedAndHoldsUpNoExecution() throws Exception {
    start(10, 2, false);
    String activity = activity();
    String sm = api.sfn.createStateMachine(b -> b.name(TestServer.unique("loop")).roleArn(TestServer.ROLE).definition("""
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","Next":"More?"},
          "More?":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThan":25,"Next":"Work"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}""".formatted(activity))).stateMachineArn();
    String pad = "x".repeat(150_000);
    String big = api.sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"i\":0}")).executionArn();

    // a client that asks and then reads nothing: what is written to it fills the sockets' buffers
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(api.server.endpoint().getHost(), api.server.port()));
      OutputStream out = stalled.getOutputStream();
      out.write(("GET " + events(big, "").getRawPath() + "?" + events(big, "").getRawQuery() + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();

      // 25 answers of 150 KB each, every one stored in a step of its own, with no wait for the stalled client
      for (int i = 1; i <= 25; i++) {
        var task = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("looper"));
        int n = i;
        api.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"i\":" + n + ",\"pad\":\"" + pad + "\"}"));
      }
      for (int i = 0; i < 500 && api.sfn.describeExecution(b -> b.executionArn(big)).status() == ExecutionStatus.RUNNING; i++) {
        Thread.sleep(20);
      }
      assertThat(api.sfn.describeExecution(b -> b.executionArn(big)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

      // another execution, followed by a client that reads: it is streamed to its end meanwhile
      String other = startPacking(activity);
      try (SseStream s = SseStream.open(events(other, ""), Map.of())) {
        until(s, "ActivityScheduled", new ArrayList<>());
        var task = api.sfn.getActivityTask(b -> b.activityArn(activity).workerName("packer"));
        api.sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{}"));
        until(s, "ExecutionSucceeded", new ArrayList<>());
        assertThat(s.next().name()).isEqualTo("end");
      }

      // the stalled client was dropped: what it is given ends without the end event
      InputStream in = stalled.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      in.transferTo(got);
      String text = got.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 200").contains("event: history").doesNotContain("event: end");
      assertThat(text.length()).as("less than its history: it was not written out").isLessThan(25 * 150_000 * 4);
    }
    for (int i = 0; i < 200 && streams.openStreams() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(streams.openStreams()).isZero();
  }
}
