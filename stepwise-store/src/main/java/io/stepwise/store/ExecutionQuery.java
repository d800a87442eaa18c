package io.stepwise.store;

import io.stepwise.engine.ExecutionStatus;
import java.util.Objects;

/**
 * ListExecutions: the executions of one state machine (or of one of its versions or aliases, or
 * of one Map Run), or of every state machine (the console's listing), newest first (by start date,
 * then ARN), optionally of one status and started within a time range, a page at a time. Express
 * executions are left out unless asked for, as ListExecutions leaves them out.
 *
 * @param arn what the scope names; null for {@link Scope#ALL}
 * @param status null for any
 * @param redriven true: only those redriven at least once; false: only those never redriven; null: any
 * @param limit the most executions in the page, at least 1
 * @param nextToken the previous page's {@link Page#nextToken()}, or null for the first page
 * @param startedFrom epoch millis: only those started at or after it; null for no bound
 * @param startedBefore epoch millis: only those started before it; null for no bound
 */
public record ExecutionQuery(
    Scope scope, String arn, ExecutionStatus status, Boolean redriven, boolean includeExpress, int limit, String nextToken,
    Long startedFrom, Long startedBefore) {
  /** What {@code arn} names. */
  public enum Scope {
    STATE_MACHINE,
    VERSION,
    ALIAS,
    MAP_RUN,
    /** Every execution, of every state machine: no ARN. */
    ALL
  }

  public ExecutionQuery {
    Objects.requireNonNull(scope, "scope");
    if ((scope == Scope.ALL) != (arn == null)) {
      throw new IllegalArgumentException(scope == Scope.ALL ? "the scope ALL takes no ARN" : "the scope " + scope + " needs an ARN");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  public ExecutionQuery(
      Scope scope, String arn, ExecutionStatus status, Boolean redriven, boolean includeExpress, int limit, String nextToken) {
    this(scope, arn, status, redriven, includeExpress, limit, nextToken, null, null);
  }

  public static ExecutionQuery of(Scope scope, String arn) {
    return new ExecutionQuery(scope, arn, null, null, false, 100, null);
  }

  public static ExecutionQuery stateMachine(String arn) {
    return of(Scope.STATE_MACHINE, arn);
  }

  /** Every state machine's executions. */
  public static ExecutionQuery all() {
    return of(Scope.ALL, null);
  }

  public ExecutionQuery withStatus(ExecutionStatus s) {
    return new ExecutionQuery(scope, arn, s, redriven, includeExpress, limit, nextToken, startedFrom, startedBefore);
  }

  /** ListExecutions' redriveFilter: REDRIVEN (true), NOT_REDRIVEN (false), or none (null). */
  public ExecutionQuery withRedriven(Boolean r) {
    return new ExecutionQuery(scope, arn, status, r, includeExpress, limit, nextToken, startedFrom, startedBefore);
  }

  /** Whether an execution redriven this many times is listed. */
  public boolean admitsRedrives(int redriveCount) {
    return redriven == null || redriven == (redriveCount > 0);
  }

  /** Whether an execution started then (epoch millis) is in the range. */
  public boolean admitsStart(long startDate) {
    return (startedFrom == null || startDate >= startedFrom) && (startedBefore == null || startDate < startedBefore);
  }

  public ExecutionQuery withExpress(boolean include) {
    return new ExecutionQuery(scope, arn, status, redriven, include, limit, nextToken, startedFrom, startedBefore);
  }

  public ExecutionQuery withLimit(int n) {
    return new ExecutionQuery(scope, arn, status, redriven, includeExpress, n, nextToken, startedFrom, startedBefore);
  }

  /** Only those started at or after {@code from} and before {@code before} (epoch millis; null: no bound). */
  public ExecutionQuery startedBetween(Long from, Long before) {
    return new ExecutionQuery(scope, arn, status, redriven, includeExpress, limit, nextToken, from, before);
  }

  public ExecutionQuery after(String token) {
    return new ExecutionQuery(scope, arn, status, redriven, includeExpress, limit, token, startedFrom, startedBefore);
  }
}
