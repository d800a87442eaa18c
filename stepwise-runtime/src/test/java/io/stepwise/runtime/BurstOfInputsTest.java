package io.stepwise.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.asl.model.StateMachine;
import io.stepwise.asl.parse.StateMachineParser;
import io.stepwise.engine.Engine;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.RunOptions;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import io.stepwise.store.memory.InMemoryStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many inputs for one execution at once (the callbacks of an inline Map's iterations, sent
 * together): its actor steps what is queued together and stores the steps in shared commits;
 * each input is still taken exactly once, in its turn, or refused with the reason.
 */
class BurstOfInputsTest {
  private static final int N = 40; // an inline Map runs at most 40 iterations at once, as on AWS
  private final Store store = new InMemoryStore();
  private Engine engine;
  private DurableRuntime runtime;

  @AfterEach
  void close() {
    runtime.close();
    engine.close();
  }

  private String startWaitingForCallbacks() throws Exception {
    engine = Engine.builder().build();
    runtime = new DurableRuntime(engine, store, new Machines(sha -> Optional.empty()), InstantSource.system(), 10_000, 500);
    StateMachine m = StateMachineParser.parse("""
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
          "ItemProcessor":{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}},"End":true}}}""");
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < N; i++) {
      items.append(i == 0 ? "" : ",").append(i);
    }
    return runtime.start(m, RunOptions.defaults().withNames("Burst", "b"), Json.parse(items.append("]}").toString())).executionArn();
  }

  private List<TaskRow> awaitTasks(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      List<TaskRow> mine = new ArrayList<>();
      for (TaskRow t : store.tasks(1000, null).items()) {
        if (t.executionArn().equals(arn)) {
          mine.add(t);
        }
      }
      if (mine.size() == N) {
        return mine;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the callbacks' tasks did not all appear");
  }

  private ExecutionRow awaitEnd(String arn) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      ExecutionRow row = store.execution(arn).orElseThrow();
      if (row.status() != ExecutionStatus.RUNNING) {
        return row;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(arn + " did not end");
  }

  private long count(String arn, EventType type) {
    return store.history(arn).stream().map(HistoryEvent::type).filter(type::equals).count();
  }

  @Test
  void callbacksSentTogetherAreEachTakenOnceAndTheResultsKeepTheItemsOrder() throws Exception {
    String arn = startWaitingForCallbacks();
    List<TaskRow> tasks = awaitTasks(arn);
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (TaskRow t : tasks) {
        senders.execute(() -> {
          try {
            go.await();
            runtime.sendSuccess(t.taskToken(), Json.NODES.objectNode().put("for", t.scheduledEventId()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      go.countDown();
    }
    ExecutionRow end = awaitEnd(arn);
    assertThat(end.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(count(arn, EventType.TaskSucceeded)).isEqualTo(N);
    // iteration i's result is the callback its own task got: in the items' order, whatever order they came in
    var output = Json.parse(end.output());
    assertThat(output).hasSize(N);
    List<Long> scheduled = tasks.stream().map(TaskRow::scheduledEventId).sorted().toList();
    for (int i = 0; i < N; i++) {
      assertThat(output.get(i).path("for").asLong()).isEqualTo(scheduled.get(i));
    }
    assertThat(store.history(arn).stream().map(HistoryEvent::id).toList())
        .as("no event lost or repeated").isEqualTo(java.util.stream.LongStream.rangeClosed(1, store.history(arn).size()).boxed().toList());
  }

  @Test
  void callbacksThatArriveAfterAStopInTheSameBurstAreRefusedAndNoneIsHalfTaken() throws Exception {
    String arn = startWaitingForCallbacks();
    List<TaskRow> tasks = awaitTasks(arn);
    ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Refusal.Kind> refused = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < tasks.size(); i++) {
        TaskRow t = tasks.get(i);
        boolean stopHere = i == N / 2;
        senders.execute(() -> {
          try {
            go.await();
            if (stopHere) {
              runtime.stop(arn, "Halt", "a burst with a stop in it");
            }
            runtime.sendSuccess(t.taskToken(), Json.NODES.objectNode());
            taken.add(t.taskToken());
          } catch (Refusal r) {
            refused.add(r.kind());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      go.countDown();
    }
    ExecutionRow end = awaitEnd(arn);
    assertThat(end.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(taken.size() + refused.size()).isEqualTo(N);
    assertThat(refused).isNotEmpty().allSatisfy(k -> assertThat(k).isIn(Refusal.Kind.EXECUTION_ENDED, Refusal.Kind.TASK_DOES_NOT_EXIST,
        Refusal.Kind.REFUSED_BY_EXECUTION));
    assertThat(count(arn, EventType.TaskSucceeded)).as("each accepted callback recorded once, no refused one").isEqualTo(taken.size());
    assertThat(count(arn, EventType.ExecutionAborted)).isEqualTo(1);
  }
}
