package io.stepwise.engine;

/** Standard executions are durable and keep a full history; Express ones live in memory. */
public enum ExecutionType {
  STANDARD,
  EXPRESS
}
