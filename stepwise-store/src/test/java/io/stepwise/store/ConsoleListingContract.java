package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.step.StepInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's listings: every machine's executions by status and start time, an activity's taken tasks. */
public interface ConsoleListingContract extends ContractBase {
  @Test
  default void everyMachinesExecutionsAreListedNewestFirstAPageAtATimeWithoutExpress() {
    committed(machines().driven("Orders", Machines.PASS, "o1", "{}").start(1_000));
    committed(machines().driven("Returns", Machines.TASK, "r1", "{\"amount\":1}").start(2_000));
    committed(machines().driven("Orders", Machines.TASK, "o2", "{\"amount\":1}").start(3_000));
    committed(machines().driven("Refunds", Machines.PASS, "f1", "{}").start(3_000)); // same millisecond: the ARN decides
    committed(machines().driven("Returns", Machines.PASS, "r2", "{}").start(5_000));
    committed(machines().driven("Orders", Machines.PASS, null, "{}", ExecutionType.EXPRESS).start(6_000));

    List<ExecutionSummary> all = ContractBase.allPages(2, (limit, token) -> store().executions(ExecutionQuery.all().withLimit(limit).after(token)));
    assertThat(all).extracting(ExecutionSummary::name).containsExactly("r2", "f1", "o2", "r1", "o1");
    assertThat(all.get(0).stateMachineArn()).isEqualTo(Machines.machineArn("Returns"));
    assertThat(all.get(2).stateMachineArn()).isEqualTo(Machines.machineArn("Orders"));
    assertThat(names(ExecutionQuery.all().withStatus(ExecutionStatus.RUNNING))).containsExactly("o2", "r1");
    assertThat(names(ExecutionQuery.all().withStatus(ExecutionStatus.TIMED_OUT))).isEmpty();
    assertThat(ContractBase.allPages(1, (limit, token) ->
        store().executions(ExecutionQuery.all().withStatus(ExecutionStatus.SUCCEEDED).withLimit(limit).after(token))))
        .extracting(ExecutionSummary::name).containsExactly("r2", "f1", "o1");
  }

  @Test
  default void aStartTimeRangeTakesItsFirstMillisecondAndNotItsLast() {
    for (int i = 1; i <= 6; i++) {
      committed(machines().driven(i % 2 == 0 ? "Orders" : "Returns", Machines.PASS, "e" + i, "{}").start(1_000L * i));
    }
    assertThat(names(ExecutionQuery.all().startedBetween(2_000L, 5_000L))).containsExactly("e4", "e3", "e2");
    assertThat(names(ExecutionQuery.all().startedBetween(4_500L, null))).containsExactly("e6", "e5");
    assertThat(names(ExecutionQuery.all().startedBetween(null, 2_000L))).containsExactly("e1");
    assertThat(names(ExecutionQuery.all().startedBetween(7_000L, null))).isEmpty();
    assertThat(names(ExecutionQuery.stateMachine(Machines.machineArn("Orders")).startedBetween(2_000L, 6_000L))).containsExactly("e4", "e2");
    assertThat(names(ExecutionQuery.stateMachine(Machines.machineArn("Orders")).withStatus(ExecutionStatus.SUCCEEDED)
        .startedBetween(1_000L, 4_001L))).containsExactly("e4", "e2");
    // the range holds on every page
    assertThat(ContractBase.allPages(1, (limit, token) ->
        store().executions(ExecutionQuery.all().startedBetween(2_000L, 6_000L).withLimit(limit).after(token))))
        .extracting(ExecutionSummary::name).containsExactly("e5", "e4", "e3", "e2");
  }

  @Test
  default void aMachinesExecutionsOfOneStatusAreFoundAmongManyOfAnother() {
    for (int i = 0; i < 40; i++) {
      committed(machines().driven("Orders", i % 10 == 3 ? Machines.TASK : Machines.PASS, "e" + i, "{\"amount\":1}").start(1_000L + i));
    }
    String orders = Machines.machineArn("Orders");
    assertThat(ContractBase.allPages(3, (limit, token) ->
        store().executions(ExecutionQuery.stateMachine(orders).withStatus(ExecutionStatus.RUNNING).withLimit(limit).after(token))))
        .extracting(ExecutionSummary::name).containsExactly("e33", "e23", "e13", "e3");
    assertThat(ContractBase.allPages(7, (limit, token) ->
        store().executions(ExecutionQuery.all().withStatus(ExecutionStatus.SUCCEEDED).withLimit(limit).after(token)))).hasSize(36);
  }

  @Test
  default void aForgedTokenIsRefusedByTheAllMachinesListing() {
    committed(machines().driven("Orders", Machines.PASS, "o1", "{}").start(1_000));
    assertThatThrownBy(() -> store().executions(ExecutionQuery.all().after("forged"))).isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> store().executions(ExecutionQuery.all().after(PageTokens.encode("executions", "soon", "x"))))
        .isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> new ExecutionQuery(ExecutionQuery.Scope.ALL, Machines.machineArn("Orders"), null, null, false, 10, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExecutionQuery.stateMachine(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void anActivitysTakenTasksAreListedWithTheirWorkersUntilAnswered() {
    Driven first = machines().driven("Pack", Machines.activity(Machines.ACTIVITY), "first", "{\"order\":1}");
    Driven second = machines().driven("Pack", Machines.activity(Machines.ACTIVITY), "second", "{\"order\":2}");
    Driven other = machines().driven("Ship", Machines.activity(Machines.OTHER_ACTIVITY), "other", "{\"order\":3}");
    committed(first.start(1_000));
    committed(second.start(1_000));
    committed(other.start(1_000));
    assertThat(store().takenActivityTasks(Machines.ACTIVITY, 10)).isEmpty();

    String secondToken = store().activityTasks(Machines.ACTIVITY, 10).get(1).taskToken();
    String firstToken = store().activityTasks(Machines.ACTIVITY, 10).get(0).taskToken();
    committed(second.step(new StepInput.ActivityStarted(secondToken, "packer-2")));
    committed(first.step(new StepInput.ActivityStarted(firstToken, "packer-1")));
    committed(other.step(new StepInput.ActivityStarted(store().activityTasks(Machines.OTHER_ACTIVITY, 1).get(0).taskToken(), null)));

    assertThat(store().activityTasks(Machines.ACTIVITY, 10)).isEmpty();
    assertThat(store().takenActivityTasks(Machines.ACTIVITY, 10)).extracting(TaskRow::executionArn, TaskRow::workerName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first.arn(), "packer-1"), org.assertj.core.groups.Tuple.tuple(second.arn(), "packer-2"));
    assertThat(store().takenActivityTasks(Machines.ACTIVITY, 1)).extracting(TaskRow::executionArn).containsExactly(first.arn());
    assertThat(store().takenActivityTasks(Machines.OTHER_ACTIVITY, 10)).singleElement().satisfies(t -> {
      assertThat(t.started()).isTrue();
      assertThat(t.workerName()).isNull();
    });

    committed(first.step(new StepInput.CallbackSucceeded(firstToken, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())));
    assertThat(store().takenActivityTasks(Machines.ACTIVITY, 10)).extracting(TaskRow::executionArn).containsExactly(second.arn());
    committed(second.step(new StepInput.Stop("Stopped", "by hand")));
    assertThat(store().takenActivityTasks(Machines.ACTIVITY, 10)).isEmpty();
  }

  private List<String> names(ExecutionQuery q) {
    return store().executions(q).items().stream().map(ExecutionSummary::name).toList();
  }
}
