package io.stepwise.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.executions.ListExecutions;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.InvalidPageTokenException;
import io.stepwise.store.Store;
import java.util.Set;

/**
 * {@code GET /console/api/executions}: executions of every state machine (or of one: {@code
 * stateMachineArn}, a version's or alias's too), newest first, of one {@code status}, started at
 * or after {@code startedAfter} and before {@code startedBefore}, {@code maxResults} (1 to 1000,
 * default 100) a page, the next page by {@code nextToken}. Standard executions only, as
 * ListExecutions lists them; the answer is ListExecutions' ({@code executions}, {@code nextToken}).
 */
final class ExecutionListing {
  static final int MAX_RESULTS = 1000;
  static final int DEFAULT_RESULTS = 100;
  private static final Set<String> PARAMETERS = Set.of("status", "stateMachineArn", "startedAfter", "startedBefore", "maxResults",
      "nextToken");

  private final Store store;

  ExecutionListing(Store store) {
    this.store = store;
  }

  JsonNode list(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMETERS);
    ExecutionQuery q = scope(p.text("stateMachineArn"));
    q = q.withStatus(p.oneOf("status", ExecutionStatus.class));
    Long from = p.time("startedAfter");
    Long before = p.time("startedBefore");
    if (from != null && before != null && from >= before) {
      throw new BadParameterException("startedBefore", "startedBefore must be later than startedAfter");
    }
    q = q.startedBetween(from, before).withLimit(p.integer("maxResults", 1, MAX_RESULTS, DEFAULT_RESULTS)).after(p.text("nextToken"));
    JsonOutput out = JsonOutput.create();
    try {
      new ListExecutions.Result(store.executions(q)).write(out);
    } catch (InvalidPageTokenException e) {
      throw new BadParameterException("nextToken", "nextToken was not handed out by this listing: '" + p.text("nextToken") + "'");
    }
    return out.node();
  }

  private static ExecutionQuery scope(String arn) {
    if (arn == null) {
      return ExecutionQuery.all();
    }
    StateMachineRef ref;
    try {
      ref = Arns.parseStateMachine(arn);
    } catch (ApiException e) {
      throw new BadParameterException("stateMachineArn", "stateMachineArn is not a state machine's ARN: '" + arn + "'");
    }
    // a Distributed Map's children run as NAME/LABEL, listed as that machine's
    return ExecutionQuery.of(ref.version() != null ? ExecutionQuery.Scope.VERSION
        : ref.alias() != null ? ExecutionQuery.Scope.ALIAS : ExecutionQuery.Scope.STATE_MACHINE, arn);
  }
}
