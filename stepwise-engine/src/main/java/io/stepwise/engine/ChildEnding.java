package io.stepwise.engine;

import io.stepwise.engine.step.StepInput;

/**
 * A Distributed Map child's end as its parent received it, and when: after the parent's history
 * held {@code afterEvents} events. The parent's history records nothing of its children (as on
 * AWS), so these are stored with it, and its replay delivers each again at the same point.
 */
public record ChildEnding(long afterEvents, StepInput.ChildExecutionEnded ended) {}
