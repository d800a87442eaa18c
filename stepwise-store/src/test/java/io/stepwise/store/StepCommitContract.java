package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps: appended in order, checked against the history's length, each write of a batch on its own. */
public interface StepCommitContract extends ContractBase {
  @Test
  default void aStepAppendsItsEventsAndSetsTheExecutionsNewStatus() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    NewExecution start = d.start(1_000);
    committed(start);
    long task = d.command(Command.ScheduleTask.class).scheduledEventId();
    machines().clock.millis += 1_500;
    StepWrite done = d.step(new StepInput.TaskSucceeded(task, TextNode.valueOf("paid")));
    assertThat(commit(done)).isEqualTo(new WriteResult.Committed(d.arn(), d.events()));

    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(row.output()).isEqualTo("\"paid\"");
    assertThat(row.stopDate()).isEqualTo(machines().clock.millis);
    assertThat(row.events()).isEqualTo(d.events());
    List<io.stepwise.engine.history.HistoryEvent> expected = new ArrayList<>(start.first().step().events());
    expected.addAll(done.step().events());
    ContractBase.assertSameEvents(store().history(d.arn()), expected);
  }

  @Test
  default void aFailedExecutionKeepsItsErrorAndCause() {
    Driven d = machines().driven("Orders", Machines.TASK, "e1", "{\"amount\":5}");
    committed(d.start(1_000));
    long task = d.command(Command.ScheduleTask.class).scheduledEventId();
    committed(d.step(new StepInput.TaskFailed(task, "Card.Declined", "no funds")));
    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(row.error()).isEqualTo("Card.Declined");
    assertThat(row.cause()).isEqualTo("no funds");
    assertThat(row.output()).isNull();
  }

  @Test
  default void aStaleWriteIsRefusedWithoutFailingTheOthersOfItsBatch() {
    Driven a = machines().driven("Orders", Machines.TASK, "a", "{\"amount\":1}");
    Driven b = machines().driven("Orders", Machines.TASK, "b", "{\"amount\":2}");
    committed(a.start(1_000));
    committed(b.start(1_000));
    long aTask = a.command(Command.ScheduleTask.class).scheduledEventId();
    long bTask = b.command(Command.ScheduleTask.class).scheduledEventId();
    StepWrite aDone = a.step(new StepInput.TaskSucceeded(aTask, TextNode.valueOf("a")));
    // as if another driver had stepped a already: the same step, made after one event fewer
    StepWrite aStale = new StepWrite(a.arn(), aDone.eventsBefore() - 1, aDone.input(), new Step(List.of(), aDone.step().commands()),
        aDone.status(), aDone.output(), aDone.error(), aDone.cause(), aDone.stopDate(), null);
    StepWrite bDone = b.step(new StepInput.TaskSucceeded(bTask, TextNode.valueOf("b")));

    List<WriteResult> results = store().commit(List.of(aStale, bDone));
    assertThat(results.get(0)).isInstanceOfSatisfying(WriteResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(WriteResult.Reason.STALE));
    assertThat(results.get(1)).isEqualTo(new WriteResult.Committed(b.arn(), b.events()));
    ExecutionRow aRow = store().execution(a.arn()).orElseThrow();
    assertThat(aRow.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(aRow.events()).isEqualTo(aDone.eventsBefore());
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::executionArn).containsExactly(a.arn());
    assertThat(store().execution(b.arn()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  default void twoStepsOfOneExecutionInOneBatchAreAppliedInOrderAndASecondDriverLoses() {
    Driven d = machines().driven("Orders", Machines.PARALLEL, "e1", "{}");
    NewExecution start = d.start(1_000);
    List<Command.ScheduleTask> tasks = d.all(Command.ScheduleTask.class);
    StepWrite left = d.step(new StepInput.TaskSucceeded(tasks.get(0).scheduledEventId(), TextNode.valueOf("l")));
    StepWrite right = d.step(new StepInput.TaskSucceeded(tasks.get(1).scheduledEventId(), TextNode.valueOf("r")));
    // a second driver's step made from the same point as the first: refused
    StepWrite rival = new StepWrite(d.arn(), left.eventsBefore(), left.input(), new Step(List.of(), List.of()), ExecutionStatus.RUNNING,
        null, null, null, null, null);

    List<WriteResult> results = store().commit(List.of(start, left, rival, right));
    assertThat(results).extracting(WriteResult::committed).containsExactly(true, true, false, true);
    assertThat(((WriteResult.Refused) results.get(2)).reason()).isEqualTo(WriteResult.Reason.STALE);
    assertThat(store().execution(d.arn()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(store().history(d.arn())).hasSize((int) d.events());
    assertThat(store().tasks(10, null).items()).isEmpty();
    assertThat(store().timers(10, null).items()).isEmpty();
  }

  @Test
  default void aStepForAnExecutionNotStoredIsRefused() {
    Driven d = machines().driven("Orders", Machines.TASK, "ghost", "{\"amount\":1}");
    d.start(1_000); // never committed
    long task = d.command(Command.ScheduleTask.class).scheduledEventId();
    WriteResult r = commit(d.step(new StepInput.TaskSucceeded(task, TextNode.valueOf("x"))));
    assertThat(r).isInstanceOfSatisfying(WriteResult.Refused.class, refused -> {
      assertThat(refused.reason()).isEqualTo(WriteResult.Reason.NO_SUCH_EXECUTION);
      assertThat(refused.message()).contains(d.arn());
    });
    assertThat(store().execution(d.arn())).isEmpty();
    assertThat(store().history(d.arn())).isEmpty();
  }

  @Test
  default void anEndedExecutionTakesNoMoreSteps() {
    Driven d = machines().driven("Orders", Machines.PASS, "e1", "{}");
    committed(d.start(1_000));
    StepWrite after = new StepWrite(d.arn(), d.events(), new StepInput.Continue(), new Step(List.of(), List.of()), ExecutionStatus.RUNNING,
        null, null, null, null, null);
    assertThat(commit(after)).isInstanceOfSatisfying(WriteResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(WriteResult.Reason.CLOSED));
    assertThat(store().execution(d.arn()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  default void aRefusedStartDoesNotFailTheOthersOfItsBatch() {
    Driven first = machines().driven("Orders", Machines.PASS, "dup", "{}");
    committed(first.start(1_000));
    Driven again = machines().driven("Orders", Machines.TASK, "dup", "{\"amount\":1}");
    Driven fresh = machines().driven("Orders", Machines.TASK, "fresh", "{\"amount\":1}");
    List<WriteResult> results = store().commit(List.of(again.start(2_000), fresh.start(2_000)));
    assertThat(results.get(0)).isInstanceOf(WriteResult.Refused.class);
    assertThat(results.get(1)).isInstanceOf(WriteResult.Committed.class);
    // nothing of the refused start: its task row in particular
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::executionArn).containsExactly(fresh.arn());
    assertThat(store().execution(first.arn()).orElseThrow().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  default void anEmptyCommitStoresNothing() {
    assertThat(store().commit(List.of())).isEmpty();
  }

  @Test
  default void aStepWithoutEventsIsStoredForItsRows() {
    Driven d = machines().driven("Orders", Machines.CALLBACK, "e1", "{}");
    committed(d.start(1_000));
    String token = d.command(Command.ScheduleTask.class).request().taskToken();
    machines().clock.millis += 10_000;
    StepWrite beat = d.step(new StepInput.Heartbeat(token));
    assertThat(beat.step().events()).isEmpty();
    assertThat(commit(beat)).isEqualTo(new WriteResult.Committed(d.arn(), d.events()));
    assertThat(store().execution(d.arn()).orElseThrow().events()).isEqualTo(d.events());
  }
}
