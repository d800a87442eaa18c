package io.stepwise.store;

import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.codec.CommandCodec;

/**
 * Keeps the timer, task and token rows of a stored step: the one place that decides them, for
 * every store, so that no two stores can disagree about what an execution waits for.
 *
 * <p>First the input: a {@code TimerFired} deletes its timer; a task's outcome ({@code
 * TaskSucceeded}/{@code TaskFailed} by scheduled event id, {@code CallbackSucceeded}/{@code
 * CallbackFailed} by task token) deletes its task and token rows; {@code ActivityStarted} marks the
 * activity's row taken, with the worker's name; {@code TaskSubmitted} marks a callback task's row
 * started (its message was sent: a restart waits for its callback and does not send it again). Then the commands, in order: {@code ScheduleTask}
 * adds the task row (the command as JSON) and, for a callback or an activity, its token row;
 * {@code CancelTask} deletes them; {@code StartTimer} sets or moves its timer, {@code CancelTimer}
 * deletes it; {@code PutMapRun} inserts or replaces the Map Run's row (a record kept after the
 * run and its execution end, not work); {@code Finish} deletes every timer, task, token and work
 * row the execution has left.
 *
 * <p>The work rows ({@link WorkRow}): a {@code Continue} command puts {@link WorkRow#CONTINUE}
 * and a {@code Continue} input deletes it (the server carries it out at once; the row is for a
 * crash in between); {@code StartChildExecution} puts the child's row, and the parent's {@code
 * ChildExecutionEnded} for that child deletes it, so a restart can start the children not yet
 * created, link the running ones to their parent, and tell the parent of ends it missed; a
 * {@code StopChildExecution} puts {@link WorkRow#STOP} under the child (if it is stored and
 * running), which the child's own end deletes with the rest of its rows, so a stop a crash
 * interrupted is made; a redrive of the child deletes it too (the stop was for an earlier attempt).
 */
public final class DerivedRows {
  private DerivedRows() {}

  public static void apply(StepWrite write, RowSink rows) {
    String arn = write.executionArn();
    switch (write.input()) {
      case StepInput.TimerFired f -> rows.deleteTimer(arn, f.timerId());
      case StepInput.TaskSucceeded t -> endTask(rows, arn, t.scheduledEventId());
      case StepInput.TaskFailed t -> endTask(rows, arn, t.scheduledEventId());
      // handed on: a restart must not send its message again, only wait for its callback
      case StepInput.TaskSubmitted t -> {
        if (rows.task(arn, t.scheduledEventId()) != null) {
          rows.markStarted(arn, t.scheduledEventId(), null);
        }
      }
      case StepInput.CallbackSucceeded c -> endTaskOfToken(rows, arn, c.taskToken());
      case StepInput.CallbackFailed c -> endTaskOfToken(rows, arn, c.taskToken());
      case StepInput.ActivityStarted a -> {
        TokenRow token = tokenOf(rows, arn, a.taskToken());
        if (token != null) {
          rows.markStarted(arn, token.scheduledEventId(), a.workerName());
        }
      }
      // a heartbeat moves its timer by a StartTimer; a stop ends by its commands
      case StepInput.Start s -> { }
      case StepInput.Continue c -> rows.deleteWork(arn, WorkRow.CONTINUE);
      case StepInput.Stop s -> { }
      case StepInput.Heartbeat h -> { }
      case StepInput.ChildExecutionEnded e -> rows.deleteWork(arn, WorkRow.child(e.executionArn()));
      case StepInput.UpdateMapRun u -> { } // the run's new settings come as its PutMapRun
      // the end before it deleted every row but a stop its parent gave it, which the redrive
      // outlives (a redrive of its Map Run runs it again); what the redrive waits for comes as its commands
      case StepInput.Redrive r -> rows.deleteWork(arn, WorkRow.STOP);
    }
    for (Command c : write.step().commands()) {
      switch (c) {
        case Command.ScheduleTask s -> {
          String token = s.request().taskToken();
          // a mocked activity is no worker's: its mock answers it as any task's does
          String activity = s.isActivity() && !s.isMocked() ? s.resource().arn() : null;
          rows.putTask(new TaskRow(arn, s.scheduledEventId(), CommandCodec.encode(s), token, activity, false, null));
          if (token != null) {
            rows.putToken(new TokenRow(token, arn, s.scheduledEventId(), activity));
          }
        }
        case Command.CancelTask t -> endTask(rows, arn, t.scheduledEventId());
        case Command.StartTimer t -> rows.putTimer(new TimerRow(arn, t.timerId(), t.kind(), t.due()));
        case Command.CancelTimer t -> rows.deleteTimer(arn, t.timerId());
        case Command.Finish f -> rows.deleteAll(arn);
        case Command.StartChildExecution s -> rows.putWork(new WorkRow(arn, WorkRow.child(s.record().executionArn())));
        case Command.StopChildExecution s -> {
          if (rows.running(s.executionArn())) {
            rows.putWork(new WorkRow(s.executionArn(), WorkRow.STOP)); // the child's Finish takes it
          }
        }
        case Command.Continue k -> rows.putWork(new WorkRow(arn, WorkRow.CONTINUE));
        case Command.PutMapRun p -> rows.putMapRun(p.run());
      }
    }
  }

  private static void endTask(RowSink rows, String arn, long scheduledEventId) {
    TaskRow task = rows.task(arn, scheduledEventId);
    if (task != null) {
      rows.deleteTask(arn, scheduledEventId);
      if (task.taskToken() != null) {
        rows.deleteToken(task.taskToken());
      }
    }
  }

  private static void endTaskOfToken(RowSink rows, String arn, String taskToken) {
    TokenRow token = tokenOf(rows, arn, taskToken);
    if (token != null) {
      rows.deleteTask(arn, token.scheduledEventId());
      rows.deleteToken(taskToken);
    }
  }

  /** The execution's own token row: a token of another execution is not this step's to touch. */
  private static TokenRow tokenOf(RowSink rows, String arn, String taskToken) {
    TokenRow token = rows.token(taskToken);
    return token != null && token.executionArn().equals(arn) ? token : null;
  }
}
