package io.stepwise.store;

/**
 * Work an execution's stored steps left for the server that the timer and task rows do not hold,
 * so that a restart finds it: {@link #CONTINUE}, a step ended with work left for the next one (a
 * {@code Continue} command); or a Distributed Map child the execution started (or is to start)
 * whose end it has not yet received ({@link #child}); or {@link #STOP}, kept under a child
 * execution its parent stopped, until the child ends. Kept by {@link DerivedRows}.
 *
 * @param item {@link #CONTINUE}, {@link #STOP}, or {@code "child " + childExecutionArn}
 */
public record WorkRow(String executionArn, String item) {
  public static final String CONTINUE = "continue";
  public static final String STOP = "stop";
  private static final String CHILD = "child ";

  public static String child(String childExecutionArn) {
    return CHILD + childExecutionArn;
  }

  /** The child execution this row waits for, or null for {@link #CONTINUE}. */
  public String childArn() {
    return item.startsWith(CHILD) ? item.substring(CHILD.length()) : null;
  }
}
