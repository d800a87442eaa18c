package io.stepwise.engine.run;

import io.stepwise.engine.history.HistoryEvent;
import java.util.List;

/**
 * Told the events of each step of an execution the engine drives in memory ({@code Engine.start}
 * and {@code Engine.run}: Express executions, StartSyncExecution): what execution logs, metrics and
 * the console's live view learn of executions no store records. Durable executions have the
 * runtime's own hook, told after each commit.
 */
@FunctionalInterface
public interface StepObserver {
  /**
   * On the thread that drives the execution, which must not be held up: an observer that does more
   * than note the events hands them on. The events are the step's, in order; never empty.
   */
  void stepped(String executionArn, List<HistoryEvent> events, int redriveCount);
}
