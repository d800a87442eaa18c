package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution rows: created with their first step, described, listed newest first, purged. */
public interface ExecutionContract extends ContractBase {
  String VERSION = Machines.machineArn("Orders") + ":3";
  String ALIAS = Machines.machineArn("Orders") + ":live";

  @Test
  default void anExecutionIsStoredWithItsFirstStep() {
    Driven d = machines().driven("Orders", Machines.PASS, "e1", "{\"n\":1}");
    NewExecution start = d.start(1_000, VERSION, ALIAS);
    assertThat(commit(start)).isEqualTo(new WriteResult.Committed(d.arn(), d.events()));

    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.record()).isEqualTo(d.record());
    assertThat(row.versionArn()).isEqualTo(VERSION);
    assertThat(row.aliasArn()).isEqualTo(ALIAS);
    assertThat(row.mapRunArn()).isNull();
    assertThat(row.roleArn()).isEqualTo(Machines.ROLE);
    assertThat(row.input()).isEqualTo("{\"n\":1}");
    assertThat(row.startDate()).isEqualTo(1_000);
    assertThat(row.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(row.output()).isEqualTo("{\"n\":1,\"a\":{\"v\":1.50}}");
    assertThat(row.error()).isNull();
    assertThat(row.stopDate()).isEqualTo(d.last().events().get(d.last().events().size() - 1).timestamp());
    assertThat(row.events()).isEqualTo(d.events()).isGreaterThan(2);
    ContractBase.assertSameEvents(store().history(d.arn()), d.last().events());
  }

  @Test
  default void anExecutionStartedWithATestCaseKeepsItInItsRecordAndItsMockedTaskRowsSayWhichCall() {
    Driven d = machines().drivenWithTestCase("Orders", Machines.activity(Machines.ACTIVITY), "mocked", "{\"order\":1}", "Happy");
    NewExecution start = d.start(1_000);
    commit(start);
    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.record().testCase()).isEqualTo("Happy");
    assertThat(row.record()).isEqualTo(d.record());
    // the mocked activity is no worker's: its row is a task's, with the call its mock answers
    var tasks = store().tasks(10, null).items().stream().filter(t -> t.executionArn().equals(d.arn())).toList();
    assertThat(tasks).singleElement().satisfies(t -> {
      assertThat(t.activityArn()).isNull();
      assertThat(t.scheduleTask().mock()).isEqualTo(new io.stepwise.engine.mock.MockCall("Happy", "Worked", 0));
    });
    assertThat(store().activityTasks(Machines.ACTIVITY, 10)).isEmpty();
  }

  @Test
  default void aRunningExecutionHasNoOutputOrStopDate() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    committed(d.start(1_000));
    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(row.output()).isNull();
    assertThat(row.stopDate()).isNull();
    assertThat(row.events()).isEqualTo(d.events());
  }

  @Test
  default void anExecutionIsCreatedOnceAndTheSecondStartIsRefused() {
    Driven first = machines().driven("Orders", Machines.TASK, "same", "{\"amount\":1}");
    Driven second = machines().driven("Orders", Machines.PASS, "same", "{\"amount\":2}");
    committed(first.start(1_000));
    WriteResult r = commit(second.start(2_000));
    assertThat(r).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(WriteResult.Reason.ALREADY_EXISTS);
      assertThat(refused.message()).contains(first.arn());
    });
    ExecutionRow row = store().execution(first.arn()).orElseThrow();
    assertThat(row.input()).isEqualTo("{\"amount\":1}");
    assertThat(row.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(store().history(first.arn())).hasSize((int) first.events());
  }

  @Test
  default void anExecutionNotStoredHasNoRowHistoryOrEndings() {
    String arn = "arn:aws:states:us-east-1:111111111111:execution:Orders:none";
    assertThat(store().execution(arn)).isEmpty();
    assertThat(store().history(arn)).isEmpty();
    assertThat(store().history(arn, 0, 10, false)).isEmpty();
    assertThat(store().childEndings(arn)).isEmpty();
  }

  @Test
  default void executionsAreListedNewestFirstAPageAtATime() {
    List<String> expected = new ArrayList<>();
    // start dates 1000, 2000, ... 6000, and e6 at 5000 as e4: at the same millisecond the ARN decides
    for (int i = 0; i < 7; i++) {
      Driven d = machines().driven("Orders", Machines.PASS, "e" + i, "{}");
      committed(d.start(i == 6 ? 5_000 : 1_000 * (i + 1)));
    }
    expected.addAll(List.of("e5", "e6", "e4", "e3", "e2", "e1", "e0"));
    committed(machines().driven("Returns", Machines.PASS, "other", "{}").start(9_000));

    List<ExecutionSummary> all = ContractBase.allPages(3,
        (limit, token) -> store().executions(ExecutionQuery.stateMachine(Machines.machineArn("Orders")).withLimit(limit).after(token)));
    assertThat(all).extracting(ExecutionSummary::name).containsExactlyElementsOf(expected);
    ExecutionSummary newest = all.get(0);
    assertThat(newest.stateMachineArn()).isEqualTo(Machines.machineArn("Orders"));
    assertThat(newest.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(newest.startDate()).isEqualTo(6_000);
    assertThat(newest.stopDate()).isNotNull();
    assertThat(newest.type()).isEqualTo(ExecutionType.STANDARD);

    Page<ExecutionSummary> exact = store().executions(ExecutionQuery.stateMachine(Machines.machineArn("Orders")).withLimit(7));
    assertThat(exact.items()).hasSize(7);
    assertThat(exact.nextToken()).isNull();
    assertThat(store().executions(ExecutionQuery.stateMachine(Machines.machineArn("Nothing"))).items()).isEmpty();
  }

  @Test
  default void listingFiltersByStatusVersionAliasAndLeavesExpressOutUnlessAsked() {
    committed(machines().driven("Orders", Machines.PASS, "done", "{}").start(1_000, VERSION, null));
    committed(machines().driven("Orders", Machines.TASK, "busy", "{\"amount\":1}").start(2_000, VERSION, ALIAS));
    committed(machines().driven("Orders", Machines.PASS, "plain", "{}").start(3_000));
    Driven express = machines().driven("Orders", Machines.PASS, null, "{}", ExecutionType.EXPRESS);
    committed(express.start(4_000));

    String orders = Machines.machineArn("Orders");
    assertThat(names(ExecutionQuery.stateMachine(orders))).containsExactly("plain", "busy", "done");
    assertThat(names(ExecutionQuery.stateMachine(orders).withStatus(ExecutionStatus.RUNNING))).containsExactly("busy");
    assertThat(names(ExecutionQuery.stateMachine(orders).withStatus(ExecutionStatus.FAILED))).isEmpty();
    assertThat(names(ExecutionQuery.of(ExecutionQuery.Scope.VERSION, VERSION))).containsExactly("busy", "done");
    assertThat(names(ExecutionQuery.of(ExecutionQuery.Scope.ALIAS, ALIAS))).containsExactly("busy");
    assertThat(store().executions(ExecutionQuery.stateMachine(orders).withExpress(true)).items())
        .extracting(ExecutionSummary::executionArn).containsExactly(express.arn(), arnOf("plain"), arnOf("busy"), arnOf("done"));
  }

  @Test
  default void theChildrenOfAMapRunAreListedByTheRun() {
    Driven child = machines().driven("Orders/Items", Machines.PASS, "child-1", "{}");
    StepWrite first = child.step(new io.stepwise.engine.step.StepInput.Start());
    String mapRun = "arn:aws:states:us-east-1:111111111111:mapRun:Orders/Items:run-1";
    committed(new NewExecution(child.record(), null, null, mapRun, Machines.ROLE, "{}", 1_000, first));
    assertThat(store().executions(ExecutionQuery.of(ExecutionQuery.Scope.MAP_RUN, mapRun)).items())
        .extracting(ExecutionSummary::executionArn, ExecutionSummary::mapRunArn).containsExactly(org.assertj.core.groups.Tuple.tuple(child.arn(), mapRun));
    assertThat(store().execution(child.arn()).orElseThrow().mapRunArn()).isEqualTo(mapRun);
  }

  @Test
  default void aTokenThisListingDidNotHandOutIsRefused() {
    for (int i = 0; i < 3; i++) {
      committed(machines().driven("Orders", Machines.TASK, "e" + i, "{\"amount\":1}").start(1_000 + i));
    }
    String running = store().running(1, null).nextToken();
    assertThat(running).isNotNull();
    ExecutionQuery orders = ExecutionQuery.stateMachine(Machines.machineArn("Orders"));
    assertThatThrownBy(() -> store().executions(orders.after("not-a-token"))).isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> store().executions(orders.after(running))).isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> store().running(1, "@@@")).isInstanceOf(InvalidPageTokenException.class);
    String executions = store().executions(orders.withLimit(1)).nextToken();
    assertThatThrownBy(() -> store().timers(1, executions)).isInstanceOf(InvalidPageTokenException.class);
    assertThatThrownBy(() -> store().tasks(1, executions)).isInstanceOf(InvalidPageTokenException.class);
  }

  @Test
  default void theRunningExecutionsAreListedEachOnceAcrossPages() {
    List<String> runningArns = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Driven d = machines().driven("Orders", i % 3 == 0 ? Machines.PASS : Machines.TASK, "e" + i, "{\"amount\":1}");
      committed(d.start(1_000 + i));
      if (i % 3 != 0) {
        runningArns.add(d.arn());
      }
    }
    assertThat(ContractBase.allPages(2, (limit, token) -> store().running(limit, token))).containsExactlyInAnyOrderElementsOf(runningArns);
    assertThat(ContractBase.allPages(100, (limit, token) -> store().running(limit, token))).hasSize(runningArns.size());
    assertThat(store().runningCount()).isEqualTo(runningArns.size());
  }

  @Test
  default void purgeDeletesTheExecutionsThatStoppedBeforeTheTimeWithAllOfTheirs() {
    machines().clock.millis = 10_000;
    Driven old = machines().driven("Orders", Machines.PASS, "old", "{}");
    committed(old.start(10_000));
    machines().clock.millis = 20_000;
    Driven recent = machines().driven("Orders", Machines.PASS, "recent", "{}");
    committed(recent.start(20_000));
    Driven busy = machines().driven("Orders", Machines.TASK, "busy", "{\"amount\":1}");
    committed(busy.start(5_000));

    assertThat(store().purge(10_000)).isZero(); // stopped at 10,000: not before it
    assertThat(store().purge(15_000)).isEqualTo(1);
    assertThat(store().execution(old.arn())).isEmpty();
    assertThat(store().history(old.arn())).isEmpty();
    assertThat(store().execution(recent.arn())).isPresent();
    assertThat(store().execution(busy.arn())).isPresent();
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::executionArn).containsExactly(busy.arn());
    assertThat(names(ExecutionQuery.stateMachine(Machines.machineArn("Orders")))).containsExactly("recent", "busy");
    // the ARN is free again
    committed(machines().driven("Orders", Machines.PASS, "old", "{}").start(30_000));
  }

  @Test
  default void aPurgeTakesTheFirstToStopFirstAndAtMostItsLimit() {
    for (int i = 0; i < 5; i++) {
      machines().clock.millis = 10_000 + 1_000L * (5 - i); // started in one order, stopped in the other
      committed(machines().driven("Orders", Machines.PASS, "p" + i, "{}").start(1_000 + i));
    }
    Driven busy = machines().driven("Orders", Machines.TASK, "busy", "{\"amount\":1}");
    committed(busy.start(500));

    assertThatThrownBy(() -> store().purge(Long.MAX_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store().purge(Long.MAX_VALUE, 2)).isEqualTo(2);
    assertThat(names(ExecutionQuery.stateMachine(Machines.machineArn("Orders")))).containsExactly("p2", "p1", "p0", "busy");
    assertThat(store().purge(13_500, 10)).as("only p2 stopped before 13,500").isEqualTo(1);
    assertThat(store().purge(13_500, 10)).isZero();
    assertThat(store().purge(Long.MAX_VALUE)).isEqualTo(2);
    assertThat(names(ExecutionQuery.stateMachine(Machines.machineArn("Orders")))).containsExactly("busy");
    assertThat(store().execution(busy.arn())).isPresent();
  }

  @Test
  default void theRevisionGivenWithTheStartIsKeptWithTheRowThroughItsSteps() {
    Driven d = machines().driven("Orders", Machines.TASK, "kept", "{\"amount\":1}");
    NewExecution n = d.start(1_000);
    String revision = "{\"revisionId\":\"r-1\",\"name\":\"Orders\"}";
    committed(new NewExecution(n.record(), n.versionArn(), n.aliasArn(), n.mapRunArn(), n.roleArn(), n.input(), n.startDate(), n.first(),
        revision));
    assertThat(store().execution(d.arn()).orElseThrow().revision()).isEqualTo(revision);
    committed(d.step(new io.stepwise.engine.step.StepInput.Stop("E", "C")));
    ExecutionRow stopped = store().execution(d.arn()).orElseThrow();
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.revision()).isEqualTo(revision);
    Driven none = machines().driven("Orders", Machines.PASS, "none", "{}");
    committed(none.start(2_000));
    assertThat(store().execution(none.arn()).orElseThrow().revision()).isNull();
  }

  private List<String> names(ExecutionQuery q) {
    return store().executions(q).items().stream().map(ExecutionSummary::name).toList();
  }

  private static String arnOf(String name) {
    return "arn:aws:states:us-east-1:111111111111:execution:Orders:" + name;
  }
}
