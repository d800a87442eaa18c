package io.stepwise.store;

import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.history.HistoryEvent;
import java.util.List;

/**
 * Histories, read back with the engine's {@code HistoryReader} from what {@code HistoryJson}
 * wrote: GetExecutionHistory, and with the children's ends what {@code Engine.restore} replays.
 * An execution not stored has an empty history.
 */
public interface HistoryStore {
  /** The whole history, in order. */
  List<HistoryEvent> history(String executionArn);

  /**
   * A page of the history: up to {@code limit} events after the event {@code afterEventId} in
   * reading order. Forward, the events with ids above it (0: from the first); in reverse, those
   * with ids below it, newest first (0: from the last).
   */
  List<HistoryEvent> history(String executionArn, long afterEventId, int limit, boolean reverse);

  /** The Distributed Map children's ends the execution received, in the order it received them. */
  List<ChildEnding> childEndings(String executionArn);
}
