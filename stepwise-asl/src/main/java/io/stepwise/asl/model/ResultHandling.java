package io.stepwise.asl.model;

/**
 * How a state's result becomes its output: ResultSelector then ResultPath. Nulls when absent.
 */
public record ResultHandling(Expression resultSelector, ResultTarget resultPath) {
  public static final ResultHandling DEFAULT = new ResultHandling(null, null);
}
