package io.stepwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.history.EventDetails;
import io.stepwise.engine.history.EventType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.Step;
import io.stepwise.engine.step.StepInput;
import io.stepwise.engine.step.TimerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RedriveExecution: the one step an ended execution takes. Its row goes back to RUNNING with its
 * redrive count and date, its history goes on after the end, and what it waits for again has its
 * rows; a redrive of a running or succeeded execution is refused.
 */
public interface RedriveContract extends ContractBase {
  /** A TASK execution that failed, stored. */
  private Driven failed(String name) {
    Driven d = machines().driven("Orders", Machines.TASK, name, "{\"amount\":5}");
    committed(d.start(1_000));
    long task = d.command(Command.ScheduleTask.class).scheduledEventId();
    committed(d.step(new StepInput.TaskFailed(task, "Card.Declined", "no funds")));
    return d;
  }

  @Test
  default void aRedriveStepPutsAFailedExecutionBackToRunningWithWhatItWaitsFor() {
    Driven d = failed("e1");
    long failedEvents = d.events();
    machines().clock.millis += 3_600_000;
    StepWrite redrive = d.step(new StepInput.Redrive());
    assertThat(commit(redrive)).isEqualTo(new WriteResult.Committed(d.arn(), d.events()));

    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(row.stopDate()).isNull();
    assertThat(row.error()).isNull();
    assertThat(row.cause()).isNull();
    assertThat(row.redriveCount()).isEqualTo(1);
    assertThat(row.redriveDate()).isEqualTo(machines().clock.millis);
    assertThat(row.events()).isEqualTo(d.events());
    assertThat(store().running(10, null).items()).containsExactly(d.arn());

    List<HistoryEvent> history = store().history(d.arn());
    HistoryEvent redriven = history.get((int) failedEvents);
    assertThat(redriven.type()).isEqualTo(EventType.ExecutionRedriven);
    assertThat(redriven.details()).isEqualTo(new EventDetails.ExecutionRedriven(1));
    ContractBase.assertSameEvents(history.subList((int) failedEvents, history.size()), redrive.step().events());

    // the task is scheduled again: its row and its timeout's timer are back
    Command.ScheduleTask again = d.command(Command.ScheduleTask.class);
    assertThat(store().tasks(10, null).items()).extracting(TaskRow::scheduledEventId).containsExactly(again.scheduledEventId());
    assertThat(store().timers(10, null).items()).extracting(TimerRow::kind).contains(TimerKind.TASK_TIMEOUT);

    committed(d.step(new StepInput.TaskSucceeded(again.scheduledEventId(), TextNode.valueOf("paid"))));
    ExecutionRow done = store().execution(d.arn()).orElseThrow();
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("\"paid\"");
    assertThat(done.redriveCount()).as("kept by the steps after the redrive").isEqualTo(1);
    assertThat(done.redriveDate()).isEqualTo(row.redriveDate());
    assertThat(store().tasks(10, null).items()).isEmpty();
    assertThat(store().running(10, null).items()).isEmpty();
  }

  @Test
  default void aRedriveThatEndsAgainInItsOwnStepKeepsTheNewEndAndCountsTheRedrive() {
    Driven d = machines().driven("Orders", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"No\"}}}", "e1", "{}");
    committed(d.start(1_000));
    machines().clock.millis += 1_000;
    committed(d.step(new StepInput.Redrive()));
    machines().clock.millis += 1_000;
    committed(d.step(new StepInput.Redrive()));
    ExecutionRow row = store().execution(d.arn()).orElseThrow();
    assertThat(row.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(row.error()).isEqualTo("No");
    assertThat(row.stopDate()).isEqualTo(machines().clock.millis);
    assertThat(row.redriveCount()).isEqualTo(2);
    assertThat(row.redriveDate()).isEqualTo(machines().clock.millis);
  }

  @Test
  default void aRedriveOfARunningOrSucceededExecutionIsRefusedAndAnyOtherStepOfAnEndedOneStaysClosed() {
    Driven running = machines().driven("Orders", Machines.TASK, "running", "{\"amount\":1}");
    committed(running.start(1_000));
    Driven succeeded = machines().driven("Orders", Machines.PASS, "succeeded", "{}");
    committed(succeeded.start(1_000));
    Driven failed = failed("failed");

    assertThat(commit(redriveWrite(running))).isInstanceOfSatisfying(WriteResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(WriteResult.Reason.NOT_ENDED));
    assertThat(commit(redriveWrite(succeeded))).isInstanceOfSatisfying(WriteResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(WriteResult.Reason.CLOSED));
    StepWrite late = new StepWrite(failed.arn(), failed.events(), new StepInput.Continue(), new Step(List.of(), List.of()),
        ExecutionStatus.RUNNING, null, null, null, null, null);
    assertThat(commit(late)).isInstanceOfSatisfying(WriteResult.Refused.class,
        r -> assertThat(r.reason()).isEqualTo(WriteResult.Reason.CLOSED));
    assertThat(store().execution(running.arn()).orElseThrow().redriveCount()).isZero();
    assertThat(store().execution(failed.arn()).orElseThrow().status()).isEqualTo(ExecutionStatus.FAILED);
  }

  /** A redrive step as a driver that did not check would write it: no events, RUNNING after. */
  private static StepWrite redriveWrite(Driven d) {
    return new StepWrite(d.arn(), d.events(), new StepInput.Redrive(), new Step(List.of(), List.of()), ExecutionStatus.RUNNING,
        null, null, null, null, null);
  }

  @Test
  default void listingsFilterByWhetherAnExecutionWasRedrivenAndShowItsRedrives() {
    Driven redriven = failed("redriven");
    Driven never = failed("never");
    machines().clock.millis += 5_000;
    committed(redriven.step(new StepInput.Redrive()));
    ExecutionQuery all = ExecutionQuery.stateMachine(Machines.machineArn("Orders"));

    assertThat(store().executions(all.withRedriven(true)).items()).singleElement().satisfies(s -> {
      assertThat(s.executionArn()).isEqualTo(redriven.arn());
      assertThat(s.status()).isEqualTo(ExecutionStatus.RUNNING);
      assertThat(s.stopDate()).isNull();
      assertThat(s.redriveCount()).isEqualTo(1);
      assertThat(s.redriveDate()).isEqualTo(machines().clock.millis);
    });
    assertThat(store().executions(all.withRedriven(false)).items()).singleElement().satisfies(s -> {
      assertThat(s.executionArn()).isEqualTo(never.arn());
      assertThat(s.redriveCount()).isZero();
      assertThat(s.redriveDate()).isNull();
    });
    assertThat(store().executions(all.withRedriven(true).withStatus(ExecutionStatus.FAILED)).items()).isEmpty();
    assertThat(store().executions(all).items()).hasSize(2);
  }
}
