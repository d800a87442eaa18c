package io.stepwise.server.operations.mapruns;

import io.stepwise.engine.MapRunRecord;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Paging;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.store.InvalidPageTokenException;
import io.stepwise.store.Page;
import io.stepwise.store.Store;
import java.time.Instant;

/**
 * ListMapRuns: the Map Runs an execution started, newest first (inferred: the order AWS lists
 * executions in), a page at a time; each names the children's state machine {@code MACHINE/LABEL},
 * as AWS's recorded answer does.
 */
public final class ListMapRuns implements Operation<ListMapRuns.Request, ListMapRuns.Result> {
  private final Store store;

  public ListMapRuns(Store store) {
    this.store = store;
  }

  public record Request(String executionArn, Integer maxResults, String nextToken) {}

  public record Result(Page<MapRunRecord> page) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.list("mapRuns", page.items(), (r, o) -> o.string("executionArn", r.executionArn())
          .string("mapRunArn", r.mapRunArn())
          .string("stateMachineArn", r.stateMachineArn())
          .timestamp("startDate", Instant.ofEpochMilli(r.startDate()))
          .timestamp("stopDate", r.stopDate() == null ? null : Instant.ofEpochMilli(r.stopDate())));
      out.string("nextToken", page.nextToken());
    }
  }

  @Override
  public String name() {
    return "ListMapRuns";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("executionArn", Shapes.ARN, true), in.integer("maxResults", Shapes.PAGE_SIZE, false),
        in.string("nextToken", Shapes.PAGE_TOKEN, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseStates(r.executionArn(), "execution", "express");
    if (store.execution(r.executionArn()).isEmpty()) {
      throw ApiException.client("ExecutionDoesNotExist", "Execution Does Not Exist: '" + r.executionArn() + "'");
    }
    int size = r.maxResults() == null || r.maxResults() == 0 ? Paging.DEFAULT_PAGE_SIZE : r.maxResults();
    try {
      return new Result(store.mapRuns(r.executionArn(), size, r.nextToken()));
    } catch (InvalidPageTokenException e) {
      throw ApiException.client("InvalidToken", "Invalid Token: '" + e.getMessage() + "'");
    }
  }
}
