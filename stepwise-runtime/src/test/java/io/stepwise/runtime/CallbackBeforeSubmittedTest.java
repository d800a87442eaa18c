package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.ResourceArn;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.task.TaskHandler;
import io.stepwise.engine.task.TaskRequest;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.memory.InMemoryStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker that answers a message before the send that carried its token has returned: the
 * callback waits for the send, so the history has TaskSubmitted before the task's end, as AWS's.
 */
class CallbackBeforeSubmittedTest {
  private final InMemoryStore store = new InMemoryStore();
  private final AtomicReference<DurableRuntime> runtime = new AtomicReference<>();
  private Engine engine;

  @AfterEach
  void close() {
    runtime.get().close();
    engine.close();
  }

  /** Hands the task on: a "worker" answers at once, while the send itself takes a while to return. */
  private final class SlowSend implements TaskHandler {
    @Override
    public boolean handles(ResourceArn resource, TaskRequest request) {
      return request.resource().endsWith(".waitForTaskToken");
    }

    @Override
    public boolean submits(ResourceArn resource, TaskRequest request) {
      return true;
    }

    @Override
    public JsonNode invoke(ResourceArn resource, TaskRequest request) throws Exception {
      Thread worker = Thread.ofVirtual().start(() -> runtime.get().sendSuccess(request.taskToken(), Json.NODES.objectNode().put("done", 1)));
      Thread.sleep(300);
      worker.join(50); // it is still waiting for this send to return
      return Json.NODES.objectNode().put("MessageId", "m-1");
    }
  }

  @Test
  void theCallbackWaitsForTheSendThatCarriedItsToken() throws Exception {
    engine = Engine.builder().handler(new SlowSend()).build();
    runtime.set(new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), InstantSource.system(), 1_000, 100));
    String arn = runtime.get().start(StateMachineParser.parse("""
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}"""), RunOptions.defaults().withNames("Ask", "a"),
        Json.parse("{}")).executionArn();
    ExecutionRow row = store.execution(arn).orElseThrow();
    for (int i = 0; i < 200 && (row = store.execution(arn).orElseThrow()).status() == ExecutionStatus.RUNNING; i++) {
      Thread.sleep(20);
    }
    assertThat(row.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(row.output()).isEqualTo("{\"done\":1}");
    List<EventType> types = store.history(arn).stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(EventType.TaskStarted, EventType.TaskSubmitted, EventType.TaskSucceeded);
  }
}
