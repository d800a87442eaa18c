package io.stepwise.engine.teststate;

import io.stepwise.engine.step.Command;
import io.stepwise.engine.step.StepInput;

/** Who carries out a tested Task's call: the engine's registered handlers unless the test says otherwise. */
@FunctionalInterface
public interface TaskCall {
  /** The task's outcome: TaskSucceeded or TaskFailed. */
  StepInput call(Command.ScheduleTask task);
}
