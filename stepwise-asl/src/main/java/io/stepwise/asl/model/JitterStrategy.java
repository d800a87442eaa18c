package io.stepwise.asl.model;

/** How a retrier spreads its back-off: NONE waits the full interval, FULL a uniform random part of it. */
public enum JitterStrategy {
  NONE,
  FULL
}
