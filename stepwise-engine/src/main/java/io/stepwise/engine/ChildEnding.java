package io.stepwise.engine;

import io.stepwise.engine.step.StepInput;

/**
 * What a Distributed Map's run received from outside, and when: a child's end or an UpdateMapRun,
 * after the parent's history held {@code afterEvents} events. The parent's history records
 * neither (as on AWS), so these are stored with it, and its replay delivers each again at the
 * same point.
 */
public record ChildEnding(long afterEvents, StepInput.MapRunInput input) {}
