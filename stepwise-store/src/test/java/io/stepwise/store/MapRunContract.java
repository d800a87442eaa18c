package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.MapRunStatus;
import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Map Runs: a run's row is what its parent's steps put (PutMapRun), kept after the run ends; its
 * children and their items are counted from the children's own rows; an execution's runs are
 * listed newest first, a page at a time, and go when it is purged.
 */
public interface MapRunContract extends ContractBase {
  /** Two Distributed Maps one after the other, each over the input array, two children at once. */
  String TWO_RUNS = """
      {"StartAt":"First","States":{
        "First":{"Type":"Map","Label":"A","MaxConcurrency":2,"ToleratedFailurePercentage":50,"ResultPath":null,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"Second"},
        "Second":{"Type":"Map","Label":"B","ItemBatcher":{"MaxItemsPerBatch":2},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}},"End":true}}}""";

  private static MapRunRecord put(Driven d) {
    return d.command(Command.PutMapRun.class).run();
  }

  /** Stores the child a StartChildExecution asks for, as the runtime does; returns its first step's write. */
  private NewExecution child(Command.StartChildExecution c) {
    Stepper s = machines().engine.stepper(c, machines().clock.millis);
    Step first = s.step(new StepInput.Start());
    StepWrite w = StepWrite.of(c.record().executionArn(), 0, new StepInput.Start(), first);
    return new NewExecution(c.record(), null, null, c.mapRunArn(), c.roleArn(), Json.write(c.input()), machines().clock.millis, w, c.items());
  }

  private static StepInput.ChildExecutionEnded succeeded(Command.StartChildExecution c) {
    return new StepInput.ChildExecutionEnded(c.record().executionArn(), ExecutionStatus.SUCCEEDED, c.input(), null, null);
  }

  @Test
  default void aRunsRowIsWhatItsParentPutAndItsChildrenAreCountedFromTheirRows() {
    Driven parent = machines().driven("Orders", TWO_RUNS, "p1", "[1,2,3]");
    committed(parent.start(1_000));
    MapRunRecord a = put(parent);
    List<Command.StartChildExecution> two = parent.all(Command.StartChildExecution.class);
    assertThat(two).hasSize(2);

    MapRunRow row = store().mapRun(a.mapRunArn()).orElseThrow();
    assertThat(row.run()).isEqualTo(a);
    assertThat(row.run().status()).isEqualTo(MapRunStatus.RUNNING);
    assertThat(row.run().toleratedFailurePercentage()).isEqualTo(50.0);
    assertThat(row.executions()).isEqualTo(new MapRunCounts(3, 0, 0, 0, 0, 0, 3, 0));

    committed(child(two.get(0))); // a Pass: it ends in its first step
    Driven waiting = machines().driven("Orders/A", Machines.WAIT, "waits", "{\"seconds\":60}");
    StepWrite first = waiting.step(new StepInput.Start());
    committed(new NewExecution(waiting.record(), null, null, a.mapRunArn(), Machines.ROLE, "{}", 1_000, first, 1));
    row = store().mapRun(a.mapRunArn()).orElseThrow();
    assertThat(row.executions()).isEqualTo(new MapRunCounts(1, 1, 1, 0, 0, 0, 3, 0));
    assertThat(row.items()).isEqualTo(row.executions());
    assertThat(store().mapRun(a.mapRunArn() + "-other")).isEmpty();
  }

  @Test
  default void anExecutionsRunsAreListedNewestFirstAPageAtATimeAndEndWithIt() {
    Driven parent = machines().driven("Orders", TWO_RUNS, "p2", "[1,2,3]");
    committed(parent.start(1_000));
    MapRunRecord a = put(parent);
    List<Command.StartChildExecution> children = new java.util.ArrayList<>(parent.all(Command.StartChildExecution.class));
    machines().clock.millis += 1_000;
    committed(parent.step(succeeded(children.get(0))));
    children.addAll(parent.all(Command.StartChildExecution.class));
    committed(parent.step(succeeded(children.get(1))));
    machines().clock.millis += 1_000;
    committed(parent.step(succeeded(children.get(2))));
    // the first run ended, and the second started, in this step: a row for each
    List<MapRunRecord> puts = parent.all(Command.PutMapRun.class).stream().map(Command.PutMapRun::run).toList();
    assertThat(puts).extracting(MapRunRecord::status).containsExactly(MapRunStatus.SUCCEEDED, MapRunStatus.RUNNING);
    MapRunRecord b = puts.get(1);
    assertThat(b.children()).isEqualTo(2);
    assertThat(b.items()).isEqualTo(3);

    MapRunRow ended = store().mapRun(a.mapRunArn()).orElseThrow();
    assertThat(ended.run().status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(ended.run().stopDate()).isEqualTo(machines().clock.millis);
    assertThat(ended.run().childrenWritten()).isEqualTo(3);

    assertThat(ContractBase.allPages(1, (n, t) -> store().mapRuns(parent.arn(), n, t))).extracting(MapRunRecord::mapRunArn)
        .containsExactly(b.mapRunArn(), a.mapRunArn());
    Page<MapRunRecord> page = store().mapRuns(parent.arn(), 1, null);
    assertThat(page.nextToken()).isNotNull();
    assertThat(store().mapRuns(parent.arn(), 5, null).nextToken()).isNull();
    assertThat(store().mapRuns(parent.arn() + "-none", 5, null).items()).isEmpty();
    assertThatThrownBy(() -> store().mapRuns(parent.arn(), 1, "not-a-token")).isInstanceOf(InvalidPageTokenException.class);
    String ofAnotherListing = PageTokens.encode("executions", "1000", parent.arn());
    assertThatThrownBy(() -> store().mapRuns(parent.arn(), 1, ofAnotherListing)).isInstanceOf(InvalidPageTokenException.class);

    committed(parent.step(new StepInput.Stop("Halt", null)));
    assertThat(store().mapRun(b.mapRunArn()).orElseThrow().run().status()).isEqualTo(MapRunStatus.ABORTED);
    assertThat(store().purge(machines().clock.millis + 1)).isGreaterThanOrEqualTo(1);
    assertThat(store().mapRun(a.mapRunArn())).isEmpty();
    assertThat(store().mapRuns(parent.arn(), 5, null).items()).isEmpty();
  }

  /** A Distributed Map of one child at a time, one failure tolerated, whose children each wait for a task. */
  String FLAKY_CHILDREN = """
      {"StartAt":"Each","States":{"Each":{"Type":"Map","Label":"W","MaxConcurrency":1,"ToleratedFailureCount":1,
        "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
          "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:t:work","End":true}}},"End":true}}}""";

  /** Stores the child, then fails its task; returns its end as its parent hears it. */
  private StepInput.ChildExecutionEnded failedChild(Command.StartChildExecution c) {
    Stepper s = machines().engine.stepper(c, machines().clock.millis);
    Step first = s.step(new StepInput.Start());
    committed(new NewExecution(c.record(), null, null, c.mapRunArn(), c.roleArn(), Json.write(c.input()), machines().clock.millis,
        StepWrite.of(c.record().executionArn(), 0, new StepInput.Start(), first), c.items()));
    long task = first.commands().stream().filter(k -> k instanceof Command.ScheduleTask).map(k -> ((Command.ScheduleTask) k).scheduledEventId())
        .findFirst().orElseThrow();
    StepInput failed = new StepInput.TaskFailed(task, "Work.Flaky", "try again");
    committed(StepWrite.of(c.record().executionArn(), first.events().size(), failed, s.step(failed)));
    return new StepInput.ChildExecutionEnded(c.record().executionArn(), ExecutionStatus.FAILED, null, "Work.Flaky", "try again");
  }

  @Test
  default void aRedrivenRunKeepsItsRedriveWhatItHasYetToRunAgainAndCountsTheFailuresNoRedriveCanRunAgain() {
    Driven parent = machines().driven("Jobs", FLAKY_CHILDREN, "p3", "[1,2,3]");
    committed(parent.start(1_000));
    StepInput.ChildExecutionEnded first = failedChild(parent.command(Command.StartChildExecution.class));
    committed(parent.step(first)); // tolerated: the second child starts
    committed(parent.step(failedChild(parent.command(Command.StartChildExecution.class)))); // one too many: the run fails
    MapRunRecord failed = put(parent);
    assertThat(failed.status()).isEqualTo(MapRunStatus.FAILED);
    MapRunRow before = store().mapRun(failed.mapRunArn(), machines().clock.millis).orElseThrow();
    assertThat(before.executions()).isEqualTo(new MapRunCounts(1, 0, 0, 2, 0, 0, 3, 0, 0, 0));

    machines().clock.millis += 60_000;
    committed(parent.step(new StepInput.Redrive()));
    assertThat(parent.command(Command.StartChildExecution.class).redriveCount()).isEqualTo(1);
    MapRunRow redriven = store().mapRun(failed.mapRunArn(), machines().clock.millis).orElseThrow();
    assertThat(redriven.run()).isEqualTo(put(parent));
    assertThat(redriven.run().status()).isEqualTo(MapRunStatus.RUNNING);
    assertThat(redriven.run().stopDate()).isNull();
    assertThat(redriven.run().redriveCount()).isEqualTo(1);
    assertThat(redriven.run().redriveDate()).isEqualTo(machines().clock.millis);
    assertThat(redriven.executions()).as("the second failed child waits for its redrive, the third for its start")
        .isEqualTo(new MapRunCounts(1, 0, 0, 2, 0, 0, 3, 0, 0, 1));
    assertThat(redriven.items()).isEqualTo(redriven.executions());
    assertThat(store().mapRuns(parent.arn(), 5, null).items()).containsExactly(redriven.run());

    long fifteenDaysOn = machines().clock.millis + 15L * 24 * 60 * 60 * 1000;
    assertThat(store().mapRun(failed.mapRunArn(), fifteenDaysOn).orElseThrow().executions().failuresNotRedrivable())
        .as("past their 14 days, the failed children cannot be redriven").isEqualTo(2);
  }
}
