package io.stepwise.engine.history;

/**
 * One history event as AWS records it.
 *
 * @param timestamp epoch milliseconds
 */
public record HistoryEvent(long id, long previousEventId, long timestamp, EventType type, EventDetails details) {}
