package io.stepwise.engine.run;

import io.stepwise.engine.step.TimerKind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** The timers one execution has set: in order of due time, and by id for a step's TimerFired. */
final class Timers {
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private final Map<Long, Timer> byId = new LinkedHashMap<>();
  private long nextId;

  Timer add(TimerKind kind, long due, Frame frame, PendingTask task) {
    Timer t = new Timer(due, nextId++, kind, frame, task);
    queue.add(t);
    byId.put(t.id(), t);
    return t;
  }

  /**
   * The same timer at another due time (a heartbeat sets its timeout again): it keeps its id, so a
   * store's timer row and a replay that sees fewer heartbeats agree on which timer it is.
   */
  Timer reschedule(Timer t, long due) {
    queue.remove(t);
    Timer moved = new Timer(due, t.id(), t.kind(), t.frame(), t.task());
    queue.add(moved);
    byId.put(moved.id(), moved);
    return moved;
  }

  void cancel(Timer t) {
    queue.remove(t);
    byId.remove(t.id());
  }

  /** Takes the timer with this id out; null when there is none (it was cancelled). */
  Timer remove(long id) {
    Timer t = byId.remove(id);
    if (t != null) {
      queue.remove(t);
    }
    return t;
  }

  /** The timer with this id, or null when it fired or was cancelled. */
  Timer byId(long id) {
    return byId.get(id);
  }

  /** The timers set and not yet fired or cancelled, in the order they were set. */
  Collection<Timer> all() {
    return byId.values();
  }

  void clear() {
    queue.clear();
    byId.clear();
  }
}
