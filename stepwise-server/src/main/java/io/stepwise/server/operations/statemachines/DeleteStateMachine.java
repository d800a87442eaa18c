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

/**
 * DeleteStateMachine, with its versions, aliases and tags; one that does not exist is deleted
 * already (success, as on AWS). With executions running it is DELETING until they end ({@link
 * StateMachineDeletion}), as AWS has it; a second delete meanwhile succeeds and changes nothing.
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
    boolean running = services.running().any(ref.baseArn());
    return services.registry().write(tx -> {
      var sm = tx.stateMachine(ref.baseArn());
      if (sm.isEmpty()) {
        return Response.EMPTY;
      }
      if (running) {
        StateMachineDeletion.markDeleting(tx, sm.get());
      } else {
        StateMachineDeletion.deleteNow(tx, ref.baseArn());
      }
      return Response.EMPTY;
    });
  }
}
