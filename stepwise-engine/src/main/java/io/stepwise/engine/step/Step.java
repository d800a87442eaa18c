package io.stepwise.engine.step;

import io.stepwise.engine.history.HistoryEvent;
import java.util.List;

/** What one step produced: the events it appended to the history, and the commands for its driver. */
public record Step(List<HistoryEvent> events, List<Command> commands) {}
