package io.stepwise.asl.model;

import java.util.List;

/** Retry and Catch of a Task, Parallel or Map state; empty lists when absent. */
public record ErrorHandling(List<Retrier> retry, List<Catcher> catchers) {
  public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
}
