package io.stepwise.server.operations.executions;

import io.stepwise.runtime.Refusal;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.protocol.StringShape;
import java.time.Instant;

/** StopExecution: ABORTED with the caller's error and cause, stored before this answers. */
public final class StopExecution implements Operation<StopExecution.Request, StopExecution.Result> {
  static final StringShape ERROR = StringShape.length(0, 256).sensitiveValue();
  static final StringShape CAUSE = StringShape.length(0, 32_768).sensitiveValue();

  private final Executions executions;

  public StopExecution(Executions executions) {
    this.executions = executions;
  }

  public record Request(String executionArn, String error, String cause) {}

  public record Result(Instant stopDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.timestamp("stopDate", stopDate);
    }
  }

  @Override
  public String name() {
    return "StopExecution";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("executionArn", Shapes.LONG_ARN, true), in.string("error", ERROR, false), in.string("cause", CAUSE, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseStates(r.executionArn(), "execution", "express");
    try {
      return new Result(Instant.ofEpochMilli(executions.runtime.stop(r.executionArn(), r.error(), r.cause())));
    } catch (Refusal refusal) {
      if (refusal.kind() == Refusal.Kind.EXECUTION_ENDED) {
        // inferred: AWS lists ValidationException among StopExecution's errors for this case
        throw ApiException.client("ValidationException", "Execution Already Completed: '" + r.executionArn() + "'");
      }
      throw Executions.error(refusal, r.executionArn());
    }
  }
}
