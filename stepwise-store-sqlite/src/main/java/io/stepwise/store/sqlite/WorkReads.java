package io.stepwise.store.sqlite;

import io.stepwise.engine.step.TimerKind;
import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import io.stepwise.store.TaskRow;
import io.stepwise.store.TimerRow;
import io.stepwise.store.TokenRow;
import io.stepwise.store.WorkRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The derived rows as the scheduler reads them: timers, tasks, tokens, activity tasks. */
final class WorkReads {
  private static final String TIMER = "SELECT e.arn, t.timer_id, t.kind, t.due, t.execution_id FROM timers t JOIN executions e ON e.id = t.execution_id";
  private static final String TASK = "SELECT e.arn, t.scheduled_event_id, t.command, t.task_token, t.activity_arn, t.started, t.worker_name,"
      + " t.seq FROM tasks t JOIN executions e ON e.id = t.execution_id";

  private final Connections.Readers readers;

  WorkReads(Connections.Readers readers) {
    this.readers = readers;
  }

  List<TimerRow> timersDue(long time, int limit) {
    return readers.read("read the timers due", r -> {
      PreparedStatement s = r.prepare(TIMER + " WHERE t.due <= ? ORDER BY t.due, t.execution_id, t.timer_id LIMIT ?");
      s.setLong(1, time);
      s.setInt(2, limit);
      List<TimerRow> out = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(timer(q));
        }
      }
      return out;
    });
  }

  long timersDueCount(long time) {
    return readers.read("count the timers due", r -> {
      PreparedStatement s = r.prepare("SELECT count(*) FROM timers WHERE due <= ?");
      s.setLong(1, time);
      try (ResultSet q = s.executeQuery()) {
        return q.next() ? q.getLong(1) : 0L;
      }
    });
  }

  Page<TimerRow> timers(int limit, String nextToken) {
    String[] after = nextToken == null ? new String[] {"0", "0"} : PageTokens.decode("timers", nextToken, 2);
    long afterExecution = PageTokens.number(after[0], nextToken);
    long afterTimer = PageTokens.number(after[1], nextToken);
    return readers.read("read the timers", r -> {
      PreparedStatement s = r.prepare(TIMER + " WHERE (t.execution_id, t.timer_id) > (?, ?) ORDER BY t.execution_id, t.timer_id LIMIT ?");
      s.setLong(1, afterExecution);
      s.setLong(2, afterTimer);
      s.setInt(3, limit + 1);
      List<TimerRow> out = new ArrayList<>();
      List<Long> executions = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(timer(q));
          executions.add(q.getLong(5));
        }
      }
      if (out.size() <= limit) {
        return new Page<>(out, null);
      }
      TimerRow last = out.get(limit - 1);
      return new Page<>(out.subList(0, limit),
          PageTokens.encode("timers", Long.toString(executions.get(limit - 1)), Long.toString(last.timerId())));
    });
  }

  Page<WorkRow> work(int limit, String nextToken) {
    String[] after = nextToken == null ? new String[] {"0", ""} : PageTokens.decode("work", nextToken, 2);
    long afterExecution = PageTokens.number(after[0], nextToken);
    return readers.read("read the work left", r -> {
      PreparedStatement s = r.prepare("SELECT e.arn, w.item, w.execution_id FROM work w JOIN executions e ON e.id = w.execution_id"
          + " WHERE (w.execution_id, w.item) > (?, ?) ORDER BY w.execution_id, w.item LIMIT ?");
      s.setLong(1, afterExecution);
      s.setString(2, after[1]);
      s.setInt(3, limit + 1);
      List<WorkRow> out = new ArrayList<>();
      List<Long> executions = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(new WorkRow(q.getString(1), q.getString(2)));
          executions.add(q.getLong(3));
        }
      }
      if (out.size() <= limit) {
        return new Page<>(out, null);
      }
      WorkRow last = out.get(limit - 1);
      return new Page<>(out.subList(0, limit), PageTokens.encode("work", Long.toString(executions.get(limit - 1)), last.item()));
    });
  }

  private static TimerRow timer(ResultSet q) throws SQLException {
    return new TimerRow(q.getString(1), q.getLong(2), TimerKind.valueOf(q.getString(3)), q.getLong(4));
  }

  Page<TaskRow> tasks(int limit, String nextToken) {
    long after = nextToken == null ? 0 : PageTokens.number(PageTokens.decode("tasks", nextToken, 1)[0], nextToken);
    return readers.read("read the tasks", r -> {
      PreparedStatement s = r.prepare(TASK + " WHERE t.seq > ? ORDER BY t.seq LIMIT ?");
      s.setLong(1, after);
      s.setInt(2, limit + 1);
      List<TaskRow> out = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(task(q));
          seqs.add(q.getLong(8));
        }
      }
      if (out.size() <= limit) {
        return new Page<>(out, null);
      }
      return new Page<>(out.subList(0, limit), PageTokens.encode("tasks", Long.toString(seqs.get(limit - 1))));
    });
  }

  private static TaskRow task(ResultSet q) throws SQLException {
    return new TaskRow(q.getString(1), q.getLong(2), q.getString(3), q.getString(4), q.getString(5), q.getInt(6) != 0, q.getString(7));
  }

  Optional<TokenRow> taskToken(String token) {
    return readers.read("read a task token", r -> {
      PreparedStatement s = r.prepare("SELECT e.arn, t.scheduled_event_id, t.activity_arn FROM task_tokens t"
          + " JOIN executions e ON e.id = t.execution_id WHERE t.token = ?");
      s.setString(1, token);
      try (ResultSet q = s.executeQuery()) {
        return q.next() ? Optional.of(new TokenRow(token, q.getString(1), q.getLong(2), q.getString(3))) : Optional.empty();
      }
    });
  }

  List<TaskRow> activityTasks(String activityArn, int limit) {
    return activityTasks(activityArn, false, limit);
  }

  List<TaskRow> takenActivityTasks(String activityArn, int limit) {
    return activityTasks(activityArn, true, limit);
  }

  private List<TaskRow> activityTasks(String activityArn, boolean taken, int limit) {
    return readers.read("read the tasks of " + activityArn, r -> {
      // the partial indexes tasks_by_activity and tasks_taken_by_activity: the activity's untaken
      // (or taken) tasks, in the order scheduled
      PreparedStatement s = r.prepare(TASK + " WHERE t.activity_arn = ? AND t.started = " + (taken ? 1 : 0) + " ORDER BY t.seq LIMIT ?");
      s.setString(1, activityArn);
      s.setInt(2, limit);
      List<TaskRow> out = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(task(q));
        }
      }
      return out;
    });
  }
}
