package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskRetryCatchTest {
  static final String ARN = "arn:aws:states:::aws-sdk:my:work";

  private static ExecutionResult run(Engine engine, String definition) {
    return engine.run(Fixtures.machine(definition), "{\"x\":1}", Fixtures.options());
  }

  @Test
  void aRegisteredHandlerGetsTheEffectiveInputAndItsResultGoesThroughResultSelectorAndResultPath() throws Exception {
    Engine engine = Fixtures.engine().invoker(ARN, req -> Json.parse("{\"value\":" + (req.input().get("n").asInt() * 2) + ",\"noise\":true}")).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:work",
          "Parameters":{"n.$":"$.x"},"ResultSelector":{"v.$":"$.value"},"ResultPath":"$.res","End":true}}}
        """);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("{\"x\":1,\"res\":{\"v\":2}}"));
    assertThat(Fixtures.types(r))
        .containsExactly(
            EventType.ExecutionStarted, EventType.TaskStateEntered, EventType.TaskScheduled, EventType.TaskStarted,
            EventType.TaskSucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
    JsonNode scheduled = r.historyJson().get(2).get("taskScheduledEventDetails");
    assertThat(scheduled.get("resourceType").asText()).isEqualTo("aws-sdk:my"); // as AWS records SDK integrations
    assertThat(scheduled.get("resource").asText()).isEqualTo("work");
    assertThat(scheduled.get("parameters").asText()).isEqualTo("{\"n\":1}");
  }

  @Test
  void lambdaFunctionArnsRecordLambdaEvents() {
    String fn = "arn:aws:lambda:us-east-1:111111111111:function:fn";
    Engine engine = Fixtures.engine().invoker(fn, TaskRequest::input).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}
        """.formatted(fn));
    assertThat(r.output().get("x").asInt()).isEqualTo(1);
    assertThat(Fixtures.types(r))
        .contains(EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted, EventType.LambdaFunctionSucceeded);
  }

  @Test
  void retriesUntilMaxAttemptsWithBackoffThenCatches() {
    AtomicInteger calls = new AtomicInteger();
    Engine engine = Fixtures.engine().invoker(ARN, req -> {
      calls.incrementAndGet();
      throw new TaskFailure("Boom", "it broke");
    }).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:work",
            "Retry":[{"ErrorEquals":["Other"],"MaxAttempts":5},{"ErrorEquals":["Boom"],"IntervalSeconds":2,"MaxAttempts":2,"BackoffRate":3}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"H"}],"End":true},
          "H":{"Type":"Pass","End":true}}}
        """);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("err").get("Error").asText()).isEqualTo("Boom");
    assertThat(r.output().get("err").get("Cause").asText()).isEqualTo("it broke");
    assertThat(r.output().get("x").asInt()).isEqualTo(1);
    List<HistoryEvent> scheduled = r.events().stream().filter(e -> e.type() == EventType.TaskScheduled).toList();
    List<HistoryEvent> failed = r.events().stream().filter(e -> e.type() == EventType.TaskFailed).toList();
    // back-off: 2 s, then 2 * 3 = 6 s, measured from each failure
    assertThat(scheduled.get(1).timestamp() - failed.get(0).timestamp()).isEqualTo(2000);
    assertThat(scheduled.get(2).timestamp() - failed.get(1).timestamp()).isEqualTo(6000);
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    AtomicInteger calls = new AtomicInteger();
    Engine engine = Fixtures.engine().invoker(ARN, req -> {
      calls.incrementAndGet();
      throw new TaskFailure("Boom", null);
    }).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:work",
          "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":0}],"End":true}}}
        """);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Boom");
  }

  @Test
  void aTaskTimeoutIsStatesTimeoutWhichTaskFailedDoesNotCatch() {
    Engine engine = Fixtures.engine().invoker(ARN, req -> {
      Thread.sleep(30_000);
      return null;
    }).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:work","TimeoutSeconds":5,
            "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"Right"}],"End":true},
          "Wrong":{"Type":"Fail","Error":"wrong"},
          "Right":{"Type":"Succeed"}}}
        """);
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Fixtures.types(r)).contains(EventType.TaskTimedOut);
  }

  @Test
  void statesRuntimeIsNeitherRetriedNorCaught() {
    Engine engine = Fixtures.engine().invoker(ARN, req -> Json.parse("{}")).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:my:work","OutputPath":"$.no.such",
            "Retry":[{"ErrorEquals":["States.ALL"]}],
            "Catch":[{"ErrorEquals":["States.Runtime"],"Next":"H"},{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
          "H":{"Type":"Pass","End":true}}}
        """);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).endsWith("Invalid path '$.no.such' : Missing property in path $['no']");
  }

  @Test
  void anUnregisteredResourceFailsTheTaskNamingTheResource() {
    ExecutionResult r = run(Fixtures.engine().build(), """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:nobody:home","End":true}}}
        """);
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.cause()).contains("arn:aws:states:::aws-sdk:nobody:home");
  }
}
