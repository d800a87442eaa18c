package io.stepwise.store.memory;

import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import io.stepwise.store.RowSink;
import io.stepwise.store.TaskRow;
import io.stepwise.store.TimerRow;
import io.stepwise.store.TokenRow;
import io.stepwise.store.WorkRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The in-memory store's timer, task and token rows, with the orders the reads need: by execution
 * and id (for paging and for an execution's rows), timers by due time, an activity's untaken tasks
 * in the order scheduled. Not thread-safe: {@link InMemoryStore} holds its lock around every call.
 */
final class MemoryRows implements RowSink {
  /** A row's key: its execution and its id (timer id or scheduled event id). */
  record Key(String arn, long id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = arn.compareTo(o.arn);
      return c != 0 ? c : Long.compare(id, o.id);
    }
  }

  private record Task(TaskRow row, long seq) {}

  private static final Comparator<TimerRow> BY_DUE = Comparator.comparingLong(TimerRow::due)
      .thenComparing(TimerRow::executionArn).thenComparingLong(TimerRow::timerId);

  private final TreeMap<Key, TimerRow> timers = new TreeMap<>();
  private final TreeSet<TimerRow> timersByDue = new TreeSet<>(BY_DUE);
  private final TreeMap<Key, Task> tasks = new TreeMap<>();
  /** Per activity ARN, its untaken tasks by the order they were scheduled in. */
  private final Map<String, TreeMap<Long, TaskRow>> untaken = new HashMap<>();
  /** Per activity ARN, its tasks a worker took and has not answered, by the order they were scheduled in. */
  private final Map<String, TreeMap<Long, TaskRow>> taken = new HashMap<>();
  private final Map<String, TokenRow> tokens = new HashMap<>();
  private final Map<String, Set<String>> tokensByArn = new HashMap<>();
  private long nextSeq;
  final MemoryMapRuns mapRuns = new MemoryMapRuns();

  @Override
  public void putMapRun(io.stepwise.engine.MapRunRecord run) {
    mapRuns.put(run);
  }

  /** The work rows, by execution and item (a restart pages through them in this order). */
  private final TreeSet<WorkRow> work = new TreeSet<>(BY_ITEM);
  private static final Comparator<WorkRow> BY_ITEM = Comparator.comparing(WorkRow::executionArn).thenComparing(WorkRow::item);

  /** Whether an execution is stored: a row for one that is not is not kept (as a store keyed by its id cannot). */
  private final java.util.function.Predicate<String> stored;
  private final java.util.function.Predicate<String> running;

  MemoryRows(java.util.function.Predicate<String> stored, java.util.function.Predicate<String> running) {
    this.stored = stored;
    this.running = running;
  }

  @Override
  public boolean running(String executionArn) {
    return running.test(executionArn);
  }

  @Override
  public void putWork(WorkRow row) {
    if (stored.test(row.executionArn())) {
      work.add(row);
    }
  }

  @Override
  public void deleteWork(String executionArn, String item) {
    work.remove(new WorkRow(executionArn, item));
  }

  Page<WorkRow> work(int limit, String nextToken) {
    NavigableSet<WorkRow> from = work;
    if (nextToken != null) {
      String[] key = PageTokens.decode("work", nextToken, 2);
      from = work.tailSet(new WorkRow(key[0], key[1]), false);
    }
    List<WorkRow> out = new ArrayList<>();
    for (WorkRow w : from) {
      if (out.size() == limit) {
        WorkRow last = out.get(limit - 1);
        return new Page<>(out, PageTokens.encode("work", last.executionArn(), last.item()));
      }
      out.add(w);
    }
    return new Page<>(out, null);
  }

  @Override
  public void putTimer(TimerRow timer) {
    TimerRow old = timers.put(new Key(timer.executionArn(), timer.timerId()), timer);
    if (old != null) {
      timersByDue.remove(old);
    }
    timersByDue.add(timer);
  }

  @Override
  public void deleteTimer(String executionArn, long timerId) {
    TimerRow old = timers.remove(new Key(executionArn, timerId));
    if (old != null) {
      timersByDue.remove(old);
    }
  }

  @Override
  public void putTask(TaskRow task) {
    long seq = nextSeq++;
    tasks.put(new Key(task.executionArn(), task.scheduledEventId()), new Task(task, seq));
    if (task.activityArn() != null && !task.started()) {
      untaken.computeIfAbsent(task.activityArn(), a -> new TreeMap<>()).put(seq, task);
    }
  }

  @Override
  public TaskRow task(String executionArn, long scheduledEventId) {
    Task t = tasks.get(new Key(executionArn, scheduledEventId));
    return t == null ? null : t.row();
  }

  @Override
  public void deleteTask(String executionArn, long scheduledEventId) {
    Task t = tasks.remove(new Key(executionArn, scheduledEventId));
    if (t != null) {
      unlistActivity(t);
    }
  }

  @Override
  public void markStarted(String executionArn, long scheduledEventId, String workerName) {
    Key key = new Key(executionArn, scheduledEventId);
    Task t = tasks.get(key);
    if (t != null) {
      unlistActivity(t);
      TaskRow started = t.row().asStarted(workerName);
      tasks.put(key, new Task(started, t.seq()));
      if (started.activityArn() != null) {
        taken.computeIfAbsent(started.activityArn(), a -> new TreeMap<>()).put(t.seq(), started);
      }
    }
  }

  private void unlistActivity(Task t) {
    unlist(untaken, t);
    unlist(taken, t);
  }

  private static void unlist(Map<String, TreeMap<Long, TaskRow>> byActivity, Task t) {
    if (t.row().activityArn() != null) {
      TreeMap<Long, TaskRow> of = byActivity.get(t.row().activityArn());
      if (of != null) {
        of.remove(t.seq());
        if (of.isEmpty()) {
          byActivity.remove(t.row().activityArn());
        }
      }
    }
  }

  @Override
  public void putToken(TokenRow token) {
    tokens.put(token.taskToken(), token);
    tokensByArn.computeIfAbsent(token.executionArn(), a -> new HashSet<>()).add(token.taskToken());
  }

  @Override
  public TokenRow token(String taskToken) {
    return tokens.get(taskToken);
  }

  @Override
  public void deleteToken(String taskToken) {
    TokenRow old = tokens.remove(taskToken);
    if (old != null) {
      Set<String> of = tokensByArn.get(old.executionArn());
      if (of != null && of.remove(taskToken) && of.isEmpty()) {
        tokensByArn.remove(old.executionArn());
      }
    }
  }

  @Override
  public void deleteAll(String executionArn) {
    for (TimerRow t : new ArrayList<>(ofExecution(timers, executionArn).values())) {
      deleteTimer(executionArn, t.timerId());
    }
    for (Task t : new ArrayList<>(ofExecution(tasks, executionArn).values())) {
      deleteTask(executionArn, t.row().scheduledEventId());
    }
    Set<String> of = tokensByArn.get(executionArn);
    for (String token : of == null ? List.<String>of() : new ArrayList<>(of)) {
      deleteToken(token);
    }
    work.subSet(new WorkRow(executionArn, ""), true, new WorkRow(executionArn, "\uffff"), true).clear();
  }

  private static <V> NavigableMap<Key, V> ofExecution(TreeMap<Key, V> rows, String arn) {
    return rows.subMap(new Key(arn, Long.MIN_VALUE), true, new Key(arn, Long.MAX_VALUE), true);
  }

  List<TimerRow> timersDue(long time, int limit) {
    List<TimerRow> out = new ArrayList<>();
    for (TimerRow t : timersByDue) {
      if (t.due() > time || out.size() == limit) {
        break;
      }
      out.add(t);
    }
    return out;
  }

  long timersDueCount(long time) {
    long n = 0;
    for (TimerRow t : timersByDue) {
      if (t.due() > time) {
        break;
      }
      n++;
    }
    return n;
  }

  Page<TimerRow> timers(int limit, String nextToken) {
    return page(timers, "timers", limit, nextToken, t -> t);
  }

  Page<TaskRow> tasks(int limit, String nextToken) {
    return page(tasks, "tasks", limit, nextToken, Task::row);
  }

  private static <V, T> Page<T> page(TreeMap<Key, V> rows, String listing, int limit, String token, java.util.function.Function<V, T> item) {
    NavigableMap<Key, V> from = rows;
    if (token != null) {
      String[] key = PageTokens.decode(listing, token, 2);
      from = rows.tailMap(new Key(key[0], PageTokens.number(key[1], token)), false);
    }
    List<T> out = new ArrayList<>();
    Key last = null;
    for (Map.Entry<Key, V> e : from.entrySet()) {
      if (out.size() == limit) {
        return new Page<>(out, PageTokens.encode(listing, last.arn(), Long.toString(last.id())));
      }
      out.add(item.apply(e.getValue()));
      last = e.getKey();
    }
    return new Page<>(out, null);
  }

  List<TaskRow> activityTasks(String activityArn, int limit) {
    TreeMap<Long, TaskRow> of = untaken.get(activityArn);
    return of == null ? List.of() : of.values().stream().limit(limit).toList();
  }

  List<TaskRow> takenActivityTasks(String activityArn, int limit) {
    TreeMap<Long, TaskRow> of = taken.get(activityArn);
    return of == null ? List.of() : of.values().stream().limit(limit).toList();
  }
}
