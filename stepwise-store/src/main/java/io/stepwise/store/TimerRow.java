package io.stepwise.store;

import io.stepwise.engine.step.TimerKind;

/**
 * A timer set by a StartTimer command and not yet fired or cancelled: deliver {@code
 * TimerFired(timerId)} to the execution once the clock reaches {@code due} (epoch millis).
 */
public record TimerRow(String executionArn, long timerId, TimerKind kind, long due) {}
