package io.stepwise.engine.history;

/** STUB */
public interface HistoryEvent {
  long id();
  long previousEventId();
  String type();
}
