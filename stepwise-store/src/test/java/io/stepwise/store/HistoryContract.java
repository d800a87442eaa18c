package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.asl.json.Json;
import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Histories read back whole and by page, and the children's ends kept for the parent's replay. */
public interface HistoryContract extends ContractBase {
  /** An execution of many events: a Parallel's tasks, their outcomes, every state's events. */
  private List<HistoryEvent> stored(Driven d) {
    List<HistoryEvent> all = new ArrayList<>();
    NewExecution start = d.start(1_000);
    committed(start);
    all.addAll(start.first().step().events());
    for (Command.ScheduleTask t : d.all(Command.ScheduleTask.class)) {
      StepWrite w = d.step(new StepInput.TaskSucceeded(t.scheduledEventId(), Json.NODES.objectNode().put("price", new java.math.BigDecimal("2.50"))));
      committed(w);
      all.addAll(w.step().events());
    }
    return all;
  }

  @Test
  default void theWholeHistoryReadsBackAsTheEngineRecordedIt() {
    Driven d = machines().driven("Orders", Machines.PARALLEL, "e1", "{\"deep\":{\"list\":[1,2.0,\"three\",null,true]}}");
    List<HistoryEvent> expected = stored(d);
    ContractBase.assertSameEvents(store().history(d.arn()), expected);
    assertThat(store().history(d.arn())).extracting(HistoryEvent::id).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList());
  }

  @Test
  default void aPageOfTheHistoryStartsAfterTheGivenEventInEitherDirection() {
    Driven d = machines().driven("Orders", Machines.PARALLEL, "e1", "{}");
    List<HistoryEvent> all = stored(d);
    int n = all.size();
    assertThat(n).isGreaterThan(8);
    ContractBase.assertSameEvents(store().history(d.arn(), 0, 3, false), all.subList(0, 3));
    ContractBase.assertSameEvents(store().history(d.arn(), 3, 3, false), all.subList(3, 6));
    ContractBase.assertSameEvents(store().history(d.arn(), n - 2, 10, false), all.subList(n - 2, n));
    assertThat(store().history(d.arn(), n, 10, false)).isEmpty();
    ContractBase.assertSameEvents(store().history(d.arn(), 0, n + 5, false), all);

    List<HistoryEvent> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    ContractBase.assertSameEvents(store().history(d.arn(), 0, 3, true), reversed.subList(0, 3));
    // the page after the one that ended with event n-2: from n-3 down
    ContractBase.assertSameEvents(store().history(d.arn(), n - 2, 3, true), reversed.subList(3, 6));
    ContractBase.assertSameEvents(store().history(d.arn(), 2, 10, true), List.of(all.get(0)));
    assertThat(store().history(d.arn(), 1, 10, true)).isEmpty();
    ContractBase.assertSameEvents(store().history(d.arn(), 0, n, true), reversed);
  }

  @Test
  default void aLongStepPagesTheSameFromAnyEventAndWithAnyLimit() {
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < 150; i++) {
      items.append(i == 0 ? "" : ",").append(i);
    }
    Driven d = machines().driven("Orders", Machines.INLINE_MAP, "long", items.append(']').toString());
    NewExecution start = d.start(1_000);
    committed(start);
    List<HistoryEvent> all = start.first().step().events();
    int n = all.size();
    assertThat(n).isGreaterThan(600); // a store that keeps a step in parts has several here
    ContractBase.assertSameEvents(store().history(d.arn()), all);
    List<HistoryEvent> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    for (int limit : new int[] {1, 7, 63, 64, 65, 100, 1000}) {
      for (int after : new int[] {0, 1, 62, 63, 64, 65, 127, 128, 300, n - 1, n}) {
        int to = Math.min(n, after + limit);
        ContractBase.assertSameEvents(store().history(d.arn(), after, limit, false), all.subList(Math.min(after, n), to));
        // in reverse, "after" event k means the events below k, newest first (0: from the last)
        int below = after == 0 ? n : after - 1;
        int from = n - below;
        ContractBase.assertSameEvents(store().history(d.arn(), after, limit, true), reversed.subList(from, Math.min(n, from + limit)));
      }
    }
  }

  @Test
  default void theChildrensEndsAreKeptInTheOrderTheParentReceivedThem() {
    Driven parent = machines().driven("Orders", Machines.DISTRIBUTED, "parent", "[10,20,30]");
    committed(parent.start(1_000));
    List<Command.StartChildExecution> children = parent.all(Command.StartChildExecution.class);
    assertThat(children).hasSize(2);

    StepInput.ChildExecutionEnded second = new StepInput.ChildExecutionEnded(children.get(1).record().executionArn(),
        ExecutionStatus.SUCCEEDED, children.get(1).input(), null, null);
    StepWrite w1 = parent.step(second);
    committed(w1);
    StepInput.ChildExecutionEnded first = new StepInput.ChildExecutionEnded(children.get(0).record().executionArn(),
        ExecutionStatus.FAILED, null, "Boom", "it broke");
    StepWrite w2 = parent.step(first);
    committed(w2);

    List<ChildEnding> endings = store().childEndings(parent.arn());
    assertThat(endings).hasSize(2);
    assertThat(endings.get(0).afterEvents()).isEqualTo(w1.eventsBefore());
    assertThat(Json.write(io.stepwise.store.codec.InputCodec.toJson(endings.get(0).input()))).isEqualTo(
        Json.write(io.stepwise.store.codec.InputCodec.toJson(second)));
    assertThat(endings.get(1)).isEqualTo(new ChildEnding(w2.eventsBefore(), first));
    assertThat(store().childEndings(parent.arn())).isEqualTo(endings);
  }

  @Test
  default void aTaskOutcomesPayloadKeepsItsNumbersAndText() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    committed(d.start(1_000));
    long task = d.command(Command.ScheduleTask.class).scheduledEventId();
    committed(d.step(new StepInput.TaskSucceeded(task, TextNode.valueOf("unicode \u00e9\u4e2d \"quoted\" \n newline"))));
    assertThat(store().execution(d.arn()).orElseThrow().output()).isEqualTo(Json.write(TextNode.valueOf("unicode \u00e9\u4e2d \"quoted\" \n newline")));
    // replayed from what was stored, the execution ends as it did
    var restored = machines().engine.restore(Machines.parse(Machines.TASK), d.record(), store().history(d.arn()), List.of());
    assertThat(restored.outstanding().commands()).contains(new Command.Finish(ExecutionStatus.SUCCEEDED));
  }
}
