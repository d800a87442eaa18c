package io.stepwise.server.operations.executions;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.InvalidPageTokenException;
import io.stepwise.store.Page;
import java.time.Instant;

/** ListExecutions of a state machine (or a version or alias of it, or a Map Run), newest first, paged. */
public final class ListExecutions implements Operation<ListExecutions.Request, ListExecutions.Result> {
  private final Executions executions;

  public ListExecutions(Executions executions) {
    this.executions = executions;
  }

  /** ListExecutions' redriveFilter. */
  public enum RedriveFilter {
    REDRIVEN,
    NOT_REDRIVEN
  }

  public record Request(
      String stateMachineArn, String mapRunArn, String statusFilter, Integer maxResults, String nextToken, RedriveFilter redriveFilter) {}

  public record Result(Page<ExecutionSummary> page) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("executions", page.items(), (e, o) -> o.string("executionArn", e.executionArn())
          .string("stateMachineArn", e.stateMachineArn())
          .string("name", e.name())
          .string("status", e.status().name())
          .timestamp("startDate", Instant.ofEpochMilli(e.startDate()))
          .timestamp("stopDate", e.stopDate() == null ? null : Instant.ofEpochMilli(e.stopDate()))
          .string("mapRunArn", e.mapRunArn())
          .string("stateMachineVersionArn", e.versionArn())
          .string("stateMachineAliasArn", e.aliasArn())
          .integer("redriveCount", e.redriveCount())
          .timestamp("redriveDate", e.redriveDate() == null || e.type() == io.stepwise.engine.ExecutionType.EXPRESS
              ? null : Instant.ofEpochMilli(e.redriveDate()))); // none for an Express Map Run child started again
      out.string("nextToken", page.nextToken());
    }
  }

  @Override
  public String name() {
    return "ListExecutions";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineArn", Shapes.ARN, false), in.string("mapRunArn", Shapes.LONG_ARN, false),
        in.string("statusFilter", Shapes.NAME, false), in.integer("maxResults", Shapes.PAGE_SIZE, false),
        in.string("nextToken", Shapes.PAGE_TOKEN, false), in.enumValue("redriveFilter", RedriveFilter.class, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    if ((r.stateMachineArn() == null) == (r.mapRunArn() == null)) {
      throw ApiException.client("ValidationException", "Exactly one of stateMachineArn and mapRunArn must be given");
    }
    ExecutionQuery q;
    if (r.mapRunArn() != null) {
      q = ExecutionQuery.of(ExecutionQuery.Scope.MAP_RUN, r.mapRunArn()).withExpress(true);
    } else {
      Executions.Target t = executions.target(r.stateMachineArn());
      ExecutionQuery.Scope scope = t.aliasArn() != null ? ExecutionQuery.Scope.ALIAS
          : t.versionArn() != null ? ExecutionQuery.Scope.VERSION : ExecutionQuery.Scope.STATE_MACHINE;
      if (Executions.isExpress(t)) {
        throw ApiException.client("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
      }
      q = ExecutionQuery.of(scope, r.stateMachineArn());
    }
    if ("PENDING_REDRIVE".equals(r.statusFilter())) {
      if (r.mapRunArn() == null) {
        // AWS: PENDING_REDRIVE only with mapRunArn (the message is inferred)
        throw ApiException.client("ValidationException", "The statusFilter PENDING_REDRIVE is only supported with a mapRunArn");
      }
      // not listed yet: their number is DescribeMapRun's pendingRedrive, and their rows keep the status they ended with
      return new Result(new Page<>(java.util.List.of(), null));
    }
    if (r.redriveFilter() != null) {
      q = q.withRedriven(r.redriveFilter() == RedriveFilter.REDRIVEN);
    }
    if (r.statusFilter() != null) {
      try {
        q = q.withStatus(ExecutionStatus.valueOf(r.statusFilter()));
      } catch (IllegalArgumentException e) {
        throw ApiException.client("ValidationException", "1 validation error detected: Value '" + r.statusFilter()
            + "' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
      }
    }
    int size = r.maxResults() == null || r.maxResults() == 0 ? Paging.DEFAULT_PAGE_SIZE : r.maxResults();
    try {
      return new Result(executions.store.executions(q.withLimit(size).after(r.nextToken())));
    } catch (InvalidPageTokenException e) {
      throw ApiException.client("InvalidToken", "Invalid Token: '" + e.getMessage() + "'");
    }
  }
}
