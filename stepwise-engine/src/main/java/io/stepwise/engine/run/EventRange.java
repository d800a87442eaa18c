package io.stepwise.engine.run;

import io.stepwise.engine.history.HistoryEvent;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The events one step appended, as a read-only view of the execution's history. A history is
 * only ever appended to, so the range stays what it was; a view costs one small object where a
 * copy would cost an array per step.
 */
final class EventRange extends AbstractList<HistoryEvent> implements RandomAccess {
  private final List<HistoryEvent> history;
  private final int from;
  private final int to;

  EventRange(List<HistoryEvent> history, int from, int to) {
    this.history = history;
    this.from = from;
    this.to = to;
  }

  @Override
  public HistoryEvent get(int index) {
    if (index < 0 || index >= to - from) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + (to - from));
    }
    return history.get(from + index);
  }

  @Override
  public int size() {
    return to - from;
  }
}
