package io.stepwise.server.model;

import java.util.List;

/**
 * Where execution history is logged: a level, whether payloads are included, and the CloudWatch
 * Logs log group ARNs. Stepwise keeps it as given and sends nothing anywhere.
 */
public record LoggingConfiguration(LogLevel level, boolean includeExecutionData, List<String> logGroupArns) {
  /** What AWS describes for a state machine created without one. */
  public static final LoggingConfiguration DEFAULT = new LoggingConfiguration(LogLevel.OFF, false, List.of());

  public LoggingConfiguration {
    logGroupArns = List.copyOf(logGroupArns);
  }
}
