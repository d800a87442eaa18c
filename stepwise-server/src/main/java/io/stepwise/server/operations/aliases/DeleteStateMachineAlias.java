package io.stepwise.server.operations.aliases;

import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;

/** DeleteStateMachineAlias; its versions stay. Deleting one that does not exist succeeds, as on AWS. */
public final class DeleteStateMachineAlias implements Operation<DeleteStateMachineAlias.Request, Response> {
  private final Services services;

  public DeleteStateMachineAlias(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineAliasArn) {}

  @Override
  public String name() {
    return "DeleteStateMachineAlias";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineAliasArn", Shapes.ARN, true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    StateMachineRef ref = AliasArns.alias(r.stateMachineAliasArn());
    return services.registry().write(tx -> {
      tx.deleteAlias(ref.arn());
      return Response.EMPTY;
    });
  }
}
