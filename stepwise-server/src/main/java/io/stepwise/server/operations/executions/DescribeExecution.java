package io.stepwise.server.operations.executions;

import io.stepwise.engine.ExecutionStatus;
import io.stepwise.server.arn.Arns;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.store.ExecutionRow;
import java.time.Instant;

/** DescribeExecution of a stored (Standard, or Map Run child) execution. */
public final class DescribeExecution implements Operation<DescribeExecution.Request, DescribeExecution.Result> {
  private final Executions executions;

  public DescribeExecution(Executions executions) {
    this.executions = executions;
  }

  public record Request(String executionArn) {}

  public record Result(ExecutionRow row, RedriveStatus redrive) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("executionArn", row.executionArn())
          .string("stateMachineArn", row.record().stateMachineArn())
          .string("name", row.record().executionName())
          .string("status", row.status().name())
          .timestamp("startDate", Instant.ofEpochMilli(row.startDate()))
          .timestamp("stopDate", row.stopDate() == null ? null : Instant.ofEpochMilli(row.stopDate()))
          .string("input", row.input())
          .structure("inputDetails", true, (v, o) -> o.bool("included", v))
          .string("output", row.output())
          .structure("outputDetails", row.status() == ExecutionStatus.SUCCEEDED ? Boolean.TRUE : null, (v, o) -> o.bool("included", v))
          .string("error", row.error())
          .string("cause", row.cause())
          .string("mapRunArn", row.mapRunArn())
          .string("stateMachineVersionArn", row.versionArn())
          .string("stateMachineAliasArn", row.aliasArn())
          .integer("redriveCount", row.redriveCount())
          // AWS: an Express Map Run child started again has no redriveDate
          .timestamp("redriveDate", row.redriveDate() == null || row.record().type() == io.stepwise.engine.ExecutionType.EXPRESS
              ? null : Instant.ofEpochMilli(row.redriveDate()))
          .string("redriveStatus", redrive.status())
          .string("redriveStatusReason", redrive.reason());
    }
  }

  @Override
  public String name() {
    return "DescribeExecution";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("executionArn", Shapes.LONG_ARN, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Arns.parseStates(r.executionArn(), "execution", "express");
    ExecutionRow row = executions.store.execution(r.executionArn()).orElseThrow(() -> Executions.executionDoesNotExist(r.executionArn()));
    return new Result(row, RedriveStatus.of(row, context.now().toEpochMilli()));
  }
}
