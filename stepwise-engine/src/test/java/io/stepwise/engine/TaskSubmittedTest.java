package io.stepwise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.StepRefusedException;
import io.stepwise.engine.step.TimerKind;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A .waitForTaskToken task whose handler hands it on (sends the message carrying the token):
 * TaskSubmitted is recorded with the service's answer and the task waits for its callback.
 */
class TaskSubmittedTest {
  private static final String SEND = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""";

  /** Sends the message (kept here) and answers with a message id, as SQS would. */
  private static class Queue implements TaskHandler {
    final List<JsonNode> sent = new CopyOnWriteArrayList<>();

    @Override
    public boolean handles(ResourceArn resource, TaskRequest request) {
      return request.resource().startsWith("arn:aws:states:::sqs:sendMessage");
    }

    @Override
    public JsonNode invoke(ResourceArn resource, TaskRequest request) {
      sent.add(request.input());
      return Json.NODES.objectNode().put("MessageId", "m-" + sent.size());
    }

    @Override
    public boolean submits(ResourceArn resource, TaskRequest request) {
      return true;
    }
  }

  private static Command.ScheduleTask scheduled(Step s) {
    return s.commands().stream().filter(c -> c instanceof Command.ScheduleTask).map(c -> (Command.ScheduleTask) c).findFirst().orElseThrow();
  }

  /** A run of the machine to its task's submission: the steps, what they stored, and the task. */
  private record Submitted(Stepper stepper, Step first, Step submission, Command.ScheduleTask task, List<HistoryEvent> stored) {}

  private static Submitted submit(Engine engine, StateMachine machine) {
    Stepper stepper = engine.stepper(machine, Engine.parseInput("{}"), Fixtures.options());
    Step first = stepper.step(new StepInput.Start());
    Command.ScheduleTask task = scheduled(first);
    Step submission = stepper.step(engine.invoke(task));
    List<HistoryEvent> stored = new ArrayList<>(first.events());
    stored.addAll(submission.events());
    return new Submitted(stepper, first, submission, task, stored);
  }

  private static List<EventType> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::type).toList();
  }

  @Test
  void theHandlersAnswerIsRecordedAsTaskSubmittedAndTheCallbackEndsTheTask() {
    Queue queue = new Queue();
    try (Engine engine = Fixtures.engine().handler(queue).build()) {
      Stepper stepper = engine.stepper(Fixtures.machine(SEND), Engine.parseInput("{}"), Fixtures.options());
      Step first = stepper.step(new StepInput.Start());
      Command.ScheduleTask task = scheduled(first);
      assertThat(engine.answers(task)).as("it is dispatched, to send its message").isTrue();

      StepInput outcome = engine.invoke(task);
      assertThat(outcome).isEqualTo(new StepInput.TaskSubmitted(task.scheduledEventId(), Json.NODES.objectNode().put("MessageId", "m-1")));
      assertThat(queue.sent.get(0).get("MessageBody").get("token").asText()).isEqualTo(task.request().taskToken());

      Step submitted = stepper.step(outcome);
      assertThat(types(submitted.events())).containsExactly(EventType.TaskSubmitted);
      assertThat(HistoryJson.toJson(submitted.events().get(0)).get("taskSubmittedEventDetails").get("output").asText())
          .isEqualTo("{\"MessageId\":\"m-1\"}");
      assertThat(submitted.commands()).isEmpty();
      assertThat(stepper.awaits(task.request().taskToken())).isTrue();
      assertThatThrownBy(() -> stepper.step(new StepInput.TaskSucceeded(task.scheduledEventId(), Json.NODES.objectNode())))
          .isInstanceOf(StepRefusedException.class).hasMessageContaining("by its task token");
      assertThatThrownBy(() -> stepper.step(outcome)).isInstanceOf(StepRefusedException.class).hasMessageContaining("handed on already");

      Step done = stepper.step(new StepInput.CallbackSucceeded(task.request().taskToken(), Json.NODES.objectNode().put("courier", "Ada")));
      assertThat(types(done.events())).containsExactly(EventType.TaskSucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
    }
  }

  @Test
  void aRestoreAfterTheSubmissionSendsNothingAgainAndStillTakesTheCallback() {
    Queue queue = new Queue();
    try (Engine engine = Fixtures.engine().handler(queue).build()) {
      StateMachine machine = Fixtures.machine(SEND);
      Submitted run = submit(engine, machine);

      Restored restored = engine.restore(machine, run.stepper().record(), run.stored(), List.of());
      assertThat(restored.outstanding().commands()).as("nothing to send again").noneMatch(c -> c instanceof Command.ScheduleTask);
      Step done = restored.stepper().step(new StepInput.CallbackFailed(run.task().request().taskToken(), "Courier.Refused", "no one free"));
      assertThat(types(done.events())).containsExactly(EventType.TaskFailed, EventType.ExecutionFailed);
      assertThat(queue.sent).hasSize(1);
    }
  }

  private static final String SEND_THEN_WAIT = """
      {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"HeartbeatSeconds":5,
        "Retry":[{"ErrorEquals":["States.HeartbeatTimeout"],"IntervalSeconds":1,"MaxAttempts":1}],"Next":"Pause"},
        "Pause":{"Type":"Wait","Seconds":10,"End":true}}}""";

  private static java.util.Optional<Command.StartTimer> timer(Step s, TimerKind kind) {
    return s.commands().stream().filter(c -> c instanceof Command.StartTimer t && t.kind() == kind).map(c -> (Command.StartTimer) c)
        .findFirst();
  }

  @Test
  void aHistoryWhoseCallbackFollowsItsSubmissionIsRestoredAndGoesOn() {
    // the callback's TaskSucceeded follows TaskSubmitted (its previousEventId), not TaskStarted
    Queue queue = new Queue();
    try (Engine engine = Fixtures.engine().handler(queue).build()) {
      StateMachine machine = Fixtures.machine(SEND_THEN_WAIT);
      Submitted run = submit(engine, machine);
      Step answered = run.stepper().step(
          new StepInput.CallbackSucceeded(run.task().request().taskToken(), Json.NODES.objectNode().put("courier", "Ada")));
      run.stored().addAll(answered.events());
      Command.StartTimer pause = timer(answered, TimerKind.WAIT).orElseThrow();

      Restored restored = engine.restore(machine, run.stepper().record(), run.stored(), List.of());
      Step done = restored.stepper().step(new StepInput.TimerFired(pause.timerId()));
      assertThat(types(done.events())).endsWith(EventType.WaitStateExited, EventType.ExecutionSucceeded);
      assertThat(queue.sent).hasSize(1);
    }
  }

  @Test
  void aHistoryWhoseHeartbeatTimedOutAfterTheSubmissionIsRestoredAndRetries() {
    Queue queue = new Queue();
    try (Engine engine = Fixtures.engine().handler(queue).build()) {
      StateMachine machine = Fixtures.machine(SEND_THEN_WAIT);
      Submitted run = submit(engine, machine);
      Command.StartTimer heartbeat = timer(run.first(), TimerKind.HEARTBEAT_TIMEOUT)
          .or(() -> timer(run.submission(), TimerKind.HEARTBEAT_TIMEOUT)).orElseThrow();
      Step timedOut = run.stepper().step(new StepInput.TimerFired(heartbeat.timerId()));
      assertThat(types(timedOut.events())).contains(EventType.TaskTimedOut);
      run.stored().addAll(timedOut.events());

      Restored restored = engine.restore(machine, run.stepper().record(), run.stored(), List.of());
      assertThat(restored.outstanding().commands()).as("the retry's back-off is set again")
          .anyMatch(c -> c instanceof Command.StartTimer t && t.kind() == TimerKind.RETRY);
    }
  }

  @Test
  void aFailedSubmissionFailsTheTaskAtOnce() {
    TaskHandler refusing = new Queue() {
      @Override
      public JsonNode invoke(ResourceArn resource, TaskRequest request) {
        throw new io.stepwise.engine.task.TaskFailure("SQS.QueueDoesNotExistException", "The specified queue does not exist.");
      }
    };
    try (Engine engine = Fixtures.engine().handler(refusing).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(SEND), Engine.parseInput("{}"), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error()).isEqualTo("SQS.QueueDoesNotExistException");
      assertThat(Fixtures.types(r)).doesNotContain(EventType.TaskSubmitted);
    }
  }

  @Test
  void anInMemoryRunWaitsAfterTheSubmissionAndSaysForWhat() throws Exception {
    try (Engine engine = Fixtures.engine().handler(new Queue()).build()) {
      ExecutionResult r = engine.run(Fixtures.machine(SEND), Engine.parseInput("{}"), Fixtures.options());
      assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(Fixtures.types(r)).endsWith(EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSubmitted);
      assertThat(r.waitingFor()).contains("'Ask'").contains("handed its task token on");
    }
  }
}
