package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.task.TaskFailure;
import io.stepwise.engine.task.TaskRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** .waitForTaskToken tasks: the token reaches Parameters and Arguments; an answer stands for the callback. */
class CallbackTaskTest {
  static final String SQS = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

  private static String task(String extra) {
    return """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s",%s
          "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},"End":true}}}
        """.formatted(SQS, extra);
  }

  private static ExecutionResult run(Engine engine, String definition) {
    return engine.run(Fixtures.machine(definition), "{\"order\":7}", Fixtures.options());
  }

  @Test
  void parametersSeeTheTaskTokenAndTheAnswerIsTheTasksResult() {
    AtomicReference<TaskRequest> seen = new AtomicReference<>();
    Engine engine = Fixtures.engine().invoker(SQS, req -> {
      seen.set(req);
      return Json.NODES.objectNode().put("accepted", req.input().get("MessageBody").get("order").asInt());
    }).build();
    ExecutionResult r = run(engine, task(""));
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.NODES.objectNode().put("accepted", 7));
    String token = seen.get().input().get("MessageBody").get("token").asText();
    assertThat(token).isNotBlank().isEqualTo(seen.get().taskToken());
  }

  @Test
  void jsonataArgumentsSeeTheTaskTokenInTheContext() {
    AtomicReference<JsonNode> sent = new AtomicReference<>();
    Engine engine = Fixtures.engine().invoker(SQS, req -> {
      sent.set(req.input());
      return Json.NODES.objectNode();
    }).build();
    ExecutionResult r = run(engine, """
        {"QueryLanguage":"JSONata","StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s",
          "Arguments":{"QueueUrl":"q","MessageBody":"{%% $states.context.Task.Token %%}"},"End":true}}}
        """.formatted(SQS));
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sent.get().get("MessageBody").asText()).startsWith("token-");
  }

  @Test
  void aFailureAnswerStandsForSendTaskFailureAndCanBeCaught() {
    Engine engine = Fixtures.engine().invoker(SQS, req -> {
      throw new TaskFailure("Courier.Refused", "no courier free");
    }).build();
    ExecutionResult r = run(engine, """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s",
          "Parameters":{"token.$":"$$.Task.Token"},
          "Catch":[{"ErrorEquals":["Courier.Refused"],"Next":"Gave up"}],"End":true},
          "Gave up":{"Type":"Pass","End":true}}}
        """.formatted(SQS));
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("Error").asText()).isEqualTo("Courier.Refused");
    assertThat(r.output().get("Cause").asText()).isEqualTo("no courier free");
  }

  @Test
  void withoutAnAnswerTheExecutionStaysRunningAndSaysWhatNothingWillSend() {
    ExecutionResult r = run(Fixtures.engine().build(), task(""));
    assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(r.waitingFor())
        .contains("nothing will send")
        .contains("the state 'Ask'")
        .contains(SQS)
        .contains("SendTaskSuccess or SendTaskFailure");
    assertThat(Fixtures.types(r)).endsWith(EventType.TaskScheduled, EventType.TaskStarted);
  }

  @Test
  void withoutAnAnswerTheHeartbeatTimesOutFirst() {
    ExecutionResult r = run(Fixtures.engine().build(), task("\"HeartbeatSeconds\":30,\"TimeoutSeconds\":600,"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.HeartbeatTimeout");
    assertThat(Fixtures.types(r)).contains(EventType.TaskTimedOut);
    long started = r.events().get(3).timestamp();
    long timedOut = r.events().get(4).timestamp();
    assertThat(timedOut - started).isEqualTo(30_000);
  }

  @Test
  void withoutAnAnswerTheTaskTimeoutApplies() {
    ExecutionResult r = run(Fixtures.engine().build(), task("\"TimeoutSeconds\":60,"));
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Timeout");
  }
}
