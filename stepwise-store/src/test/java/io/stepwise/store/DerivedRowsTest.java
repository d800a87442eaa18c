package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.memory.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the contract cannot show through a real engine: inputs a store must not act on. */
class DerivedRowsTest {
  private static StepWrite write(String arn, long before, StepInput input) {
    return new StepWrite(arn, before, input, new Step(List.of(), List.of()), ExecutionStatus.RUNNING, null, null, null, null, null);
  }

  @Test
  void aTokenOfAnotherExecutionIsNotTouched() {
    Machines machines = new Machines();
    try (InMemoryStore store = new InMemoryStore()) {
      Driven owner = machines.driven("Orders", Machines.CALLBACK, "owner", "{}");
      Driven other = machines.driven("Orders", Machines.TASK, "other", "{\"amount\":1}");
      store.commit(List.of(owner.start(0), other.start(0)));
      String token = owner.command(Command.ScheduleTask.class).request().taskToken();

      // a (mistaken) answer of the owner's token delivered to the other execution
      assertThat(store.commit(List.of(write(other.arn(), other.events(), new StepInput.CallbackSucceeded(token, Json.NODES.nullNode())),
          write(other.arn(), other.events(), new StepInput.ActivityStarted(token, "w")))).get(0).committed()).isTrue();
      assertThat(store.taskToken(token)).isPresent();
      assertThat(store.tasks(10, null).items()).hasSize(2).noneMatch(TaskRow::started);
    } finally {
      machines.engine.close();
    }
  }

  @Test
  void anOutcomeForATaskWithoutARowChangesNothing() {
    Machines machines = new Machines();
    try (InMemoryStore store = new InMemoryStore()) {
      Driven d = machines.driven("Orders", Machines.TASK, "e", "{\"amount\":1}");
      store.commit(List.of(d.start(0)));
      store.commit(List.of(write(d.arn(), d.events(), new StepInput.TaskFailed(999, "E", null))));
      store.commit(List.of(write(d.arn(), d.events(), new StepInput.TimerFired(999))));
      assertThat(store.tasks(10, null).items()).hasSize(1);
      assertThat(store.timers(10, null).items()).hasSize(2);
    } finally {
      machines.engine.close();
    }
  }

  @Test
  void workLeftByAStepIsARowUntilAContinueInputTakesIt() {
    Machines machines = new Machines();
    try (InMemoryStore store = new InMemoryStore()) {
      Driven d = machines.driven("Orders", Machines.TASK, "e", "{\"amount\":1}");
      store.commit(List.of(d.start(0)));
      long n = d.events();
      StepWrite leaves = new StepWrite(d.arn(), n, new StepInput.Heartbeat("t"), new Step(List.of(), List.of(new Command.Continue())),
          ExecutionStatus.RUNNING, null, null, null, null, null);
      assertThat(store.commit(List.of(leaves)).get(0).committed()).isTrue();
      assertThat(store.work(10, null).items()).containsExactly(new WorkRow(d.arn(), WorkRow.CONTINUE));
      // a Continue that leaves work again keeps the row; one that leaves none takes it
      StepWrite again = new StepWrite(d.arn(), n, new StepInput.Continue(), new Step(List.of(), List.of(new Command.Continue())),
          ExecutionStatus.RUNNING, null, null, null, null, null);
      assertThat(store.commit(List.of(again)).get(0).committed()).isTrue();
      assertThat(store.work(10, null).items()).hasSize(1);
      assertThat(store.commit(List.of(write(d.arn(), n, new StepInput.Continue()))).get(0).committed()).isTrue();
      assertThat(store.work(10, null).items()).isEmpty();
    } finally {
      machines.engine.close();
    }
  }
}
