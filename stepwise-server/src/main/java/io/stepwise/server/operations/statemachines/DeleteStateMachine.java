package io.stepwise.server.operations.statemachines;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.AliasRecord;
import io.stepwise.server.registry.VersionRecord;

/**
 * DeleteStateMachine, with its versions, aliases and tags; one that does not exist is deleted
 * already (success, as on AWS). AWS marks a state machine DELETING until its executions end; with
 * no executions yet, the deletion here is immediate, and the execution side will hold it at
 * DELETING while executions run.
 */
public final class DeleteStateMachine implements Operation<DeleteStateMachine.Request, Response> {
  private final Services services;

  public DeleteStateMachine(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineArn) {}

  @Override
  public String name() {
    return "DeleteStateMachine";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineArn", Shapes.ARN, true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    StateMachineRef ref = Arns.parseStateMachine(r.stateMachineArn());
    if (ref.label() != null) {
      throw StateMachineRules.labelled();
    }
    if (!ref.isUnqualified()) {
      throw Errors.validation("DeleteStateMachine takes an unqualified state machine ARN; delete a version with "
          + "DeleteStateMachineVersion and an alias with DeleteStateMachineAlias");
    }
    return services.registry().write(tx -> {
      if (tx.stateMachine(ref.baseArn()).isEmpty()) {
        return Response.EMPTY;
      }
      for (AliasRecord a : tx.aliases(ref.baseArn())) {
        tx.deleteAlias(a.arn());
      }
      for (VersionRecord v : tx.versions(ref.baseArn())) {
        tx.deleteVersion(v.arn());
      }
      tx.putTags(ref.baseArn(), java.util.List.of());
      tx.deleteStateMachine(ref.baseArn());
      return Response.EMPTY;
    });
  }
}
