package io.stepwise.asl.model;

/** Where a Map's iterations run: inside the parent execution, or as child executions. */
public enum MapMode {
  INLINE,
  DISTRIBUTED
}
