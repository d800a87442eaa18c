package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.AliasRecord;

/** DescribeStateMachineAlias; ResourceNotFound for an alias that does not exist. */
public final class DescribeStateMachineAlias
    implements Operation<DescribeStateMachineAlias.Request, DescribeStateMachineAlias.Result> {
  private final Services services;

  public DescribeStateMachineAlias(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineAliasArn) {}

  public record Result(AliasRecord alias) implements Response {
    @Override
    public void write(JsonOutput out) {
      out.string("stateMachineAliasArn", alias.arn())
          .string("name", alias.name())
          .string("description", alias.description());
      Routing.write(alias.routing(), out);
      out.timestamp("creationDate", alias.creationDate()).timestamp("updateDate", alias.updateDate());
    }
  }

  @Override
  public String name() {
    return "DescribeStateMachineAlias";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineAliasArn", Shapes.ARN, true));
  }

  @Override
  public Result handle(Request r, RequestContext context) {
    StateMachineRef ref = AliasArns.alias(r.stateMachineAliasArn());
    return new Result(services.registry().read(view -> view.alias(ref.arn()).orElseThrow(Errors::resourceNotFound)));
  }
}
