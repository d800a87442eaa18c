package io.stepwise.store.memory;

import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.MapRunRecord;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.store.DerivedRows;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.MapRunRow;
import io.stepwise.store.NewExecution;
import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import io.stepwise.store.StepWrite;
import io.stepwise.store.Store;
import io.stepwise.store.TaskRow;
import io.stepwise.store.TimerRow;
import io.stepwise.store.TokenRow;
import io.stepwise.store.WorkRow;
import io.stepwise.store.Write;
import io.stepwise.store.WriteChecks;
import io.stepwise.store.WriteResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A store in memory: for tests, {@code stepwise run} and Express executions, which need no
 * durability. It keeps the engine's event objects as they are; the durable stores keep their text.
 * A commit holds the write lock, reads the read lock, so a read sees a batch whole or not at all.
 */
public final class InMemoryStore implements Store {
  /** One execution: its row as of its last step, its history and its children's ends. */
  private static final class Exec {
    ExecutionRow row;
    final List<HistoryEvent> events = new ArrayList<>();
    final List<ChildEnding> endings = new ArrayList<>(0);
    final int mapRunItems;

    Exec(ExecutionRow row, int mapRunItems) {
      this.row = row;
      this.mapRunItems = mapRunItems;
    }
  }

  /** Newest first: start date descending, then ARN descending, as ListExecutions pages. */
  private record Listed(long startDate, String arn) {}

  private record Stopped(long stopDate, String arn) {}

  private static final Comparator<Listed> NEWEST_FIRST =
      Comparator.comparingLong(Listed::startDate).reversed().thenComparing(Listed::arn, Comparator.reverseOrder());

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<String, Exec> executions = new TreeMap<>();
  private final NavigableSet<Listed> listed = new TreeSet<>(NEWEST_FIRST);
  private final TreeSet<String> running = new TreeSet<>();
  /** The ended executions, the first to stop first, for the purge. */
  private final NavigableSet<Stopped> stopped = new TreeSet<>(Comparator.comparingLong(Stopped::stopDate).thenComparing(Stopped::arn));
  /** Each Map Run's children, by the run's ARN. */
  private final java.util.Map<String, List<Exec>> childrenByMapRun = new java.util.HashMap<>();
  private final MemoryRows rows = new MemoryRows(executions::containsKey, arn -> {
    Exec e = executions.get(arn);
    return e != null && e.row.status() == ExecutionStatus.RUNNING;
  });

  @Override
  public List<WriteResult> commit(List<? extends Write> writes) {
    lock.writeLock().lock();
    try {
      List<WriteResult> results = new ArrayList<>(writes.size());
      for (Write w : writes) {
        results.add(switch (w) {
          case NewExecution n -> create(n);
          case StepWrite s -> step(s);
        });
      }
      return results;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private WriteResult create(NewExecution n) {
    if (executions.containsKey(n.executionArn())) {
      return WriteChecks.exists(n);
    }
    Exec e = new Exec(new ExecutionRow(n.record(), n.versionArn(), n.aliasArn(), n.mapRunArn(), n.roleArn(), n.input(), n.startDate(),
        ExecutionStatus.RUNNING, null, null, null, null, 0, n.revision(), 0, null), n.mapRunItems());
    executions.put(n.executionArn(), e);
    if (n.mapRunArn() != null) {
      childrenByMapRun.computeIfAbsent(n.mapRunArn(), a -> new ArrayList<>()).add(e);
    }
    listed.add(new Listed(n.startDate(), n.executionArn()));
    apply(e, n.first());
    return WriteChecks.committed(n);
  }

  private WriteResult step(StepWrite s) {
    Exec e = executions.get(s.executionArn());
    WriteResult.Refused refused = e == null
        ? WriteChecks.step(s, false, null, 0)
        : WriteChecks.step(s, true, e.row.status(), e.row.events());
    if (refused != null) {
      return refused;
    }
    apply(e, s);
    return WriteChecks.committed(s);
  }

  private void apply(Exec e, StepWrite s) {
    e.events.addAll(s.step().events()); // a copy: the engine's step is a view of its growing history
    if (s.childEnding() != null) {
      e.endings.add(s.childEnding());
    }
    ExecutionRow r = e.row;
    HistoryEvent redriven = s.redriven();
    e.row = new ExecutionRow(r.record(), r.versionArn(), r.aliasArn(), r.mapRunArn(), r.roleArn(), r.input(), r.startDate(), s.status(),
        s.output(), s.error(), s.cause(), s.stopDate(), s.eventsAfter(), r.revision(), redriven == null ? r.redriveCount() : s.redriveCount(),
        redriven == null ? r.redriveDate() : Long.valueOf(redriven.timestamp()));
    if (s.status() == ExecutionStatus.RUNNING) {
      running.add(s.executionArn());
    } else {
      running.remove(s.executionArn());
      stopped.add(new Stopped(s.stopDate(), s.executionArn()));
    }
    DerivedRows.apply(s, rows);
  }

  @Override
  public int purge(long stoppedBefore, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("The purge limit must be at least 1, not " + limit);
    }
    lock.writeLock().lock();
    try {
      int purged = 0;
      while (purged < limit && !stopped.isEmpty() && stopped.first().stopDate() < stoppedBefore) {
        Exec e = executions.remove(stopped.pollFirst().arn());
        listed.remove(new Listed(e.row.startDate(), e.row.executionArn()));
        rows.deleteAll(e.row.executionArn());
        rows.mapRuns.deleteOf(e.row.executionArn());
        if (e.row.mapRunArn() != null) {
          List<Exec> siblings = childrenByMapRun.get(e.row.mapRunArn());
          siblings.remove(e);
          if (siblings.isEmpty()) {
            childrenByMapRun.remove(e.row.mapRunArn());
          }
        }
        purged++;
      }
      return purged;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<ExecutionRow> execution(String executionArn) {
    lock.readLock().lock();
    try {
      Exec e = executions.get(executionArn);
      return e == null ? Optional.empty() : Optional.of(e.row);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<ExecutionSummary> executions(ExecutionQuery q) {
    Listed after = null;
    if (q.nextToken() != null) {
      String[] key = PageTokens.decode("executions", q.nextToken(), 2);
      after = new Listed(PageTokens.number(key[0], q.nextToken()), key[1]);
    }
    if (q.startedBefore() != null) {
      // the first listed after (startedBefore, "") is the newest started before it
      Listed bound = new Listed(q.startedBefore(), "");
      if (after == null || NEWEST_FIRST.compare(bound, after) > 0) {
        after = bound;
      }
    }
    lock.readLock().lock();
    try {
      NavigableSet<Listed> from = after == null ? listed : listed.tailSet(after, false);
      List<ExecutionSummary> out = new ArrayList<>();
      for (Listed l : from) {
        if (q.startedFrom() != null && l.startDate() < q.startedFrom()) {
          break; // the rest started earlier still
        }
        ExecutionRow r = executions.get(l.arn()).row;
        if (!matches(q, r)) {
          continue;
        }
        if (out.size() == q.limit()) {
          ExecutionSummary last = out.get(out.size() - 1);
          return new Page<>(out, PageTokens.encode("executions", Long.toString(last.startDate()), last.executionArn()));
        }
        out.add(r.summary());
      }
      return new Page<>(out, null);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static boolean matches(ExecutionQuery q, ExecutionRow r) {
    String scoped = switch (q.scope()) {
      case STATE_MACHINE -> r.record().stateMachineArn();
      case VERSION -> r.versionArn();
      case ALIAS -> r.aliasArn();
      case MAP_RUN -> r.mapRunArn();
      case ALL -> null;
    };
    return (q.scope() == ExecutionQuery.Scope.ALL || q.arn().equals(scoped))
        && q.admitsStart(r.startDate())
        && (q.status() == null || q.status() == r.status())
        && q.admitsRedrives(r.redriveCount())
        && (q.includeExpress() || r.record().type() != ExecutionType.EXPRESS);
  }

  @Override
  public Page<String> running(int limit, String nextToken) {
    lock.readLock().lock();
    try {
      NavigableSet<String> from = nextToken == null ? running : running.tailSet(PageTokens.decode("running", nextToken, 1)[0], false);
      List<String> out = new ArrayList<>();
      for (String arn : from) {
        if (out.size() == limit) {
          return new Page<>(out, PageTokens.encode("running", out.get(out.size() - 1)));
        }
        out.add(arn);
      }
      return new Page<>(out, null);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long runningCount() {
    lock.readLock().lock();
    try {
      return running.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<HistoryEvent> history(String executionArn) {
    lock.readLock().lock();
    try {
      Exec e = executions.get(executionArn);
      return e == null ? List.of() : List.copyOf(e.events);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<HistoryEvent> history(String executionArn, long afterEventId, int limit, boolean reverse) {
    lock.readLock().lock();
    try {
      Exec e = executions.get(executionArn);
      if (e == null) {
        return List.of();
      }
      // event ids are 1..n, so the event with id k is at index k - 1
      int n = e.events.size();
      List<HistoryEvent> out = new ArrayList<>();
      if (!reverse) {
        for (long i = Math.max(0, afterEventId); i < n && out.size() < limit; i++) {
          out.add(e.events.get((int) i));
        }
      } else {
        long from = afterEventId <= 0 ? n : Math.min(n + 1L, afterEventId) - 1;
        for (long i = from - 1; i >= 0 && out.size() < limit; i--) {
          out.add(e.events.get((int) i));
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ChildEnding> childEndings(String executionArn) {
    lock.readLock().lock();
    try {
      Exec e = executions.get(executionArn);
      return e == null ? List.of() : List.copyOf(e.endings);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<MapRunRow> mapRun(String mapRunArn, long now) {
    lock.readLock().lock();
    try {
      MapRunRecord run = rows.mapRuns.get(mapRunArn);
      if (run == null) {
        return Optional.empty();
      }
      List<MapRunRow.Tally> tallies = new ArrayList<>();
      for (Exec child : childrenByMapRun.getOrDefault(mapRunArn, List.of())) {
        ExecutionRow r = child.row;
        boolean permanent = MapRunRow.notRedrivable(r.record().type(), r.status(), r.startDate(), r.stopDate(), r.events(), now);
        tallies.add(new MapRunRow.Tally(r.status(), 1, child.mapRunItems, permanent ? 1 : 0, permanent ? child.mapRunItems : 0));
      }
      return Optional.of(MapRunRow.of(run, tallies));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<MapRunRecord> mapRuns(String executionArn, int limit, String nextToken) {
    lock.readLock().lock();
    try {
      return rows.mapRuns.of(executionArn, limit, nextToken);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<TimerRow> timersDue(long time, int limit) {
    lock.readLock().lock();
    try {
      return rows.timersDue(time, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long timersDueCount(long time) {
    lock.readLock().lock();
    try {
      return rows.timersDueCount(time);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<WorkRow> work(int limit, String nextToken) {
    lock.readLock().lock();
    try {
      return rows.work(limit, nextToken);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<TimerRow> timers(int limit, String nextToken) {
    lock.readLock().lock();
    try {
      return rows.timers(limit, nextToken);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<TaskRow> tasks(int limit, String nextToken) {
    lock.readLock().lock();
    try {
      return rows.tasks(limit, nextToken);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<TokenRow> taskToken(String taskToken) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(rows.token(taskToken));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<TaskRow> activityTasks(String activityArn, int limit) {
    lock.readLock().lock();
    try {
      return rows.activityTasks(activityArn, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<TaskRow> takenActivityTasks(String activityArn, int limit) {
    lock.readLock().lock();
    try {
      return rows.takenActivityTasks(activityArn, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    // nothing held outside the heap
  }
}
