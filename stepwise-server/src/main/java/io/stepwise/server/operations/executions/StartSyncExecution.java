package io.stepwise.server.operations.executions;

import io.stepwise.asl.json.Json;
import io.stepwise.engine.ExecutionResult;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import java.time.Instant;

/** StartSyncExecution: an Express execution run to its end in memory, answered with how it ended. */
public final class StartSyncExecution implements Operation<StartExecution.Request, StartSyncExecution.Result> {
  private final Executions executions;

  public StartSyncExecution(Executions executions) {
    this.executions = executions;
  }

  public record Result(ExecutionResult r, String stateMachineArn, String name, String input, long start, long stop)
      implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("executionArn", r.executionArn())
          .string("stateMachineArn", stateMachineArn)
          .string("name", name)
          .timestamp("startDate", Instant.ofEpochMilli(start))
          .timestamp("stopDate", Instant.ofEpochMilli(stop))
          .string("status", r.status().name())
          .string("error", r.error())
          .string("cause", r.cause())
          .string("input", input)
          .structure("inputDetails", true, (v, o) -> o.bool("included", v))
          .string("output", r.status() == ExecutionStatus.SUCCEEDED ? Json.write(r.output()) : null)
          .structure("outputDetails", r.status() == ExecutionStatus.SUCCEEDED ? Boolean.TRUE : null, (v, o) -> o.bool("included", v))
          .structure("billingDetails", stop - start, (ms, o) -> {
            o.node().put("billedMemoryUsedInMB", 64);
            o.node().put("billedDurationInMilliseconds", Math.max(100, ((ms + 99) / 100) * 100));
          });
    }
  }

  @Override
  public String name() {
    return "StartSyncExecution";
  }

  @Override
  public StartExecution.Request read(JsonInput in) {
    return new StartExecution.Request(in.string("stateMachineArn", Shapes.ARN, true), in.string("name", Shapes.LONG_ARN, false),
        in.string("input", StartExecution.INPUT, false), in.string("traceHeader", StartExecution.TRACE_HEADER, false));
  }

  @Override
  public Result handle(StartExecution.Request r, RequestContext context) {
    Executions.Start start = executions.start(r);
    Executions.Target t = start.target();
    if (!Executions.isExpress(t)) {
      throw ApiException.client("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
    }
    String name = start.name();
    var input = start.input();
    RunOptions options = start.with(new RunOptions(t.machine().name(), name, t.roleArn(), ExecutionType.EXPRESS)
        .withSynchronous(true).withVersion(t.versionArn(), t.aliasArn()));
    ExecutionResult result = executions.engine.run(t.definition(), input, options);
    long began = result.events().get(0).timestamp();
    long ended = result.events().get(result.events().size() - 1).timestamp();
    return new Result(result, t.machine().arn(), name, Json.write(input), began, ended);
  }
}
