package io.stepwise.server.model;

/** Whether X-Ray tracing is on; kept as given (Stepwise sends no traces). */
public record TracingConfiguration(boolean enabled) {
  public static final TracingConfiguration DEFAULT = new TracingConfiguration(false);
}
