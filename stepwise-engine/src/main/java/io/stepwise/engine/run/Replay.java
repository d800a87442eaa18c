package io.stepwise.engine.run;

import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.history.HistoryJson;
import java.util.List;

/**
 * A recorded history being replayed: while events remain, each event the engine appends must
 * equal the next recorded one, and the engine's clock reads the recorded timestamps.
 */
final class Replay {
  private final List<HistoryEvent> recorded;
  private int pos;

  Replay(List<HistoryEvent> recorded) {
    this.recorded = List.copyOf(recorded);
  }

  boolean active() {
    return pos < recorded.size();
  }

  HistoryEvent peek() {
    return recorded.get(pos);
  }

  long nextTimestamp(long fallback) {
    return active() ? recorded.get(pos).timestamp() : fallback;
  }

  long lastTimestamp() {
    return recorded.isEmpty() ? Long.MIN_VALUE : recorded.get(recorded.size() - 1).timestamp();
  }

  void check(HistoryEvent produced) {
    HistoryEvent expected = recorded.get(pos++);
    if (!HistoryJson.equivalent(expected, produced)) {
      throw new ReplayMismatchException(
          "Replay diverged from the recorded history at event " + expected.id() + ": recorded " + expected + " but the definition produced " + produced);
    }
  }
}
