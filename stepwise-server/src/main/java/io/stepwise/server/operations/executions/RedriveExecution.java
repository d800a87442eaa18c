package io.stepwise.server.operations.executions;

import io.stepwise.engine.RedriveRules;
import io.stepwise.runtime.Refusal;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.ParsedArn;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.protocol.StringShape;
import java.time.Instant;

/**
 * RedriveExecution of a Standard execution that ended FAILED, TIMED_OUT or ABORTED within the
 * last 14 days: it goes on from the states that did not succeed, RUNNING again, stored before this
 * answers. Idempotent by client token (the SDKs send one of their own when the caller gives none).
 */
public final class RedriveExecution implements Operation<RedriveExecution.Request, RedriveExecution.Result> {
  static final StringShape CLIENT_TOKEN = StringShape.length(1, 64).withPattern("[!-~]+");

  private final Executions executions;

  public RedriveExecution(Executions executions) {
    this.executions = executions;
  }

  public record Request(String executionArn, String clientToken) {}

  public record Result(Instant redriveDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.timestamp("redriveDate", redriveDate);
    }
  }

  @Override
  public String name() {
    return "RedriveExecution";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("executionArn", Shapes.ARN, true), in.string("clientToken", CLIENT_TOKEN, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    ParsedArn arn = Arns.parseStates(r.executionArn(), "execution", "express");
    if (arn.resourceType().equals("express")) {
      // inferred: AWS documents only that RedriveExecution does not support Express executions
      throw notRedrivable(RedriveRules.EXPRESS);
    }
    try {
      return new Result(Instant.ofEpochMilli(executions.runtime.redrive(r.executionArn(), r.clientToken())));
    } catch (Refusal refusal) {
      throw Executions.error(refusal, r.executionArn());
    }
  }

  static ApiException notRedrivable(String reason) {
    return ApiException.client("ExecutionNotRedrivable", reason);
  }
}
