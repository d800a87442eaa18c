package io.stepwise.store;

import java.util.Optional;

/** The executions themselves: DescribeExecution, ListExecutions, and what a restart resumes. */
public interface ExecutionIndex {
  Optional<ExecutionRow> execution(String executionArn);

  /** A page of the query's executions, newest first. */
  Page<ExecutionSummary> executions(ExecutionQuery query);

  /**
   * The RUNNING executions' ARNs, a page at a time (in an order of the store's choosing), for a
   * restart: every one is listed exactly once across the pages of one pass.
   *
   * @param nextToken null for the first page
   */
  Page<String> running(int limit, String nextToken);

  /** How many executions are RUNNING (what {@link #running} lists), for metrics: one count, no page. */
  long runningCount();
}
