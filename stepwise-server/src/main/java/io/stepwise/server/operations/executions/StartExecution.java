package io.stepwise.server.operations.executions;

import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.RunOptions;
import io.stepwise.runtime.DurableRuntime;
import io.stepwise.runtime.Refusal;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.protocol.StringShape;
import java.time.Instant;

/**
 * StartExecution of a state machine, one of its versions or an alias. A Standard execution is
 * stored with its first step before this answers; an Express one runs in memory, as on AWS.
 * Idempotent by name: the same name and input while it runs return the first.
 */
public final class StartExecution implements Operation<StartExecution.Request, StartExecution.Result> {
  static final StringShape INPUT = StringShape.length(null, 262_144).sensitiveValue();
  static final StringShape TRACE_HEADER = StringShape.length(0, 256);

  private final Executions executions;

  public StartExecution(Executions executions) {
    this.executions = executions;
  }

  public record Request(String stateMachineArn, String name, String input, String traceHeader) {}

  public record Result(String executionArn, Instant startDate) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("executionArn", executionArn).timestamp("startDate", startDate);
    }
  }

  @Override
  public String name() {
    return "StartExecution";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineArn", Shapes.ARN, true), in.string("name", Shapes.LONG_ARN, false),
        in.string("input", INPUT, false), in.string("traceHeader", TRACE_HEADER, false));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    Executions.Start start = executions.start(r);
    Executions.Target t = start.target();
    String name = start.name();
    var input = start.input();
    RunOptions options = start.with(new RunOptions(t.machine().name(), name, t.roleArn(),
        Executions.isExpress(t) ? ExecutionType.EXPRESS : ExecutionType.STANDARD).withVersion(t.versionArn(), t.aliasArn()));
    if (Executions.isExpress(t)) {
      var started = executions.engine.start(t.definition(), input, options);
      return new Result(started.executionArn(), Instant.ofEpochMilli(started.startTime()));
    }
    executions.backend.keep(t.definition());
    try {
      DurableRuntime.Started s = executions.runtime.start(t.definition(), options, input, t.startedWith().encode());
      return new Result(s.executionArn(), Instant.ofEpochMilli(s.startDate()));
    } catch (Refusal refusal) {
      throw Executions.error(refusal, t.machine().arn().replace(":stateMachine:", ":execution:") + ":" + name);
    }
  }
}
