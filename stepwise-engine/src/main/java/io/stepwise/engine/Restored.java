package io.stepwise.engine;

import io.stepwise.engine.run.Stepper;
import io.stepwise.engine.step.Step;

/**
 * An execution rebuilt from what a store kept of it ({@link Engine#restore}), ready to be driven
 * on by the step call.
 *
 * @param stepper the execution, as it was after its last stored step
 * @param outstanding what the restorer must do before the next input, as if a step had returned
 *     it: store its events (those past the stored history; none when the history ended where a
 *     step ended) and carry out its commands again. They are every task scheduled and not ended
 *     (an activity whose ActivityStarted is stored only awaits its worker's answer), every timer
 *     set and not fired, every child execution running, Continue when work is left, Finish when
 *     the execution has ended.
 */
public record Restored(Stepper stepper, Step outstanding) {}
