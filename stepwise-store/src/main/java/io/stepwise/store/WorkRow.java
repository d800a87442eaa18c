package io.stepwise.store;

/**
 * Work an execution's stored steps left for the server that the timer and task rows do not hold,
 * so that a restart finds it: {@link #CONTINUE}, a step ended with work left for the next one (a
 * {@code Continue} command); or a Distributed Map child the execution started (or is to start)
 * whose end it has not yet received ({@link #child}). Kept by {@link DerivedRows}.
 *
 * @param item {@link #CONTINUE}, or {@code "child " + childExecutionArn}
 */
public record WorkRow(String executionArn, String item) {
  public static final String CONTINUE = "continue";
  private static final String CHILD = "child ";

  public static String child(String childExecutionArn) {
    return CHILD + childExecutionArn;
  }

  /** The child execution this row waits for, or null for {@link #CONTINUE}. */
  public String childArn() {
    return item.startsWith(CHILD) ? item.substring(CHILD.length()) : null;
  }
}
