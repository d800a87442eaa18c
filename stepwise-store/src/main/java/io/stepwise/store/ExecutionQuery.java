package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import java.util.Objects;

/**
 * ListExecutions: the executions of one state machine (or of one of its versions or aliases, or
 * of one Map Run), newest first (by start date, then ARN), optionally of one status, a page at a
 * time. Express executions are left out unless asked for, as ListExecutions leaves them out.
 *
 * @param status null for any
 * @param redriven true: only those redriven at least once; false: only those never redriven; null: any
 * @param limit the most executions in the page, at least 1
 * @param nextToken the previous page's {@link Page#nextToken()}, or null for the first page
 */
public record ExecutionQuery(
    Scope scope, String arn, ExecutionStatus status, Boolean redriven, boolean includeExpress, int limit, String nextToken) {
  /** What {@code arn} names. */
  public enum Scope {
    STATE_MACHINE,
    VERSION,
    ALIAS,
    MAP_RUN
  }

  public ExecutionQuery {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(arn, "arn");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  public static ExecutionQuery of(Scope scope, String arn) {
    return new ExecutionQuery(scope, arn, null, null, false, 100, null);
  }

  public static ExecutionQuery stateMachine(String arn) {
    return of(Scope.STATE_MACHINE, arn);
  }

  public ExecutionQuery withStatus(ExecutionStatus s) {
    return new ExecutionQuery(scope, arn, s, redriven, includeExpress, limit, nextToken);
  }

  /** ListExecutions' redriveFilter: REDRIVEN (true), NOT_REDRIVEN (false), or none (null). */
  public ExecutionQuery withRedriven(Boolean r) {
    return new ExecutionQuery(scope, arn, status, r, includeExpress, limit, nextToken);
  }

  /** Whether an execution redriven this many times is listed. */
  public boolean admitsRedrives(int redriveCount) {
    return redriven == null || redriven == (redriveCount > 0);
  }

  public ExecutionQuery withExpress(boolean include) {
    return new ExecutionQuery(scope, arn, status, redriven, include, limit, nextToken);
  }

  public ExecutionQuery withLimit(int n) {
    return new ExecutionQuery(scope, arn, status, redriven, includeExpress, n, nextToken);
  }

  public ExecutionQuery after(String token) {
    return new ExecutionQuery(scope, arn, status, redriven, includeExpress, limit, token);
  }
}
