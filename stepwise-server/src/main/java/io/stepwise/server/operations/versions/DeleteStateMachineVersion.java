package io.stepwise.server.operations.versions;

import io.stepwise.server.arn.Arns;
import io.stepwise.server.arn.StateMachineRef;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Services;
import io.stepwise.server.operations.aliases.Routing;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.Operation;
import io.stepwise.server.protocol.RequestContext;
import io.stepwise.server.protocol.Response;
import io.stepwise.server.registry.AliasRecord;
import java.util.List;

/**
 * DeleteStateMachineVersion: refused (ConflictException) while an alias routes to the version;
 * deleting one that does not exist succeeds, as on AWS.
 */
public final class DeleteStateMachineVersion implements Operation<DeleteStateMachineVersion.Request, Response> {
  private final Services services;

  public DeleteStateMachineVersion(Services services) {
    this.services = services;
  }

  public record Request(String stateMachineVersionArn) {}

  @Override
  public String name() {
    return "DeleteStateMachineVersion";
  }

  @Override
  public Request read(JsonInput in) {
    return new Request(in.string("stateMachineVersionArn", Shapes.LONG_ARN, true));
  }

  @Override
  public Response handle(Request r, RequestContext context) {
    StateMachineRef ref = Arns.parseStateMachine(r.stateMachineVersionArn());
    if (ref.version() == null) {
      throw Arns.invalid(r.stateMachineVersionArn());
    }
    String arn = Arns.version(ref.baseArn(), ref.version());
    return services.registry().write(tx -> {
      if (tx.version(arn).isEmpty()) {
        return Response.EMPTY;
      }
      List<String> referencing = tx.aliases(ref.baseArn()).stream()
          .filter(a -> Routing.routesTo(a, arn))
          .map(AliasRecord::name)
          .toList();
      if (!referencing.isEmpty()) {
        throw Errors.conflict("Version to be deleted must not be referenced by an alias. "
            + "Current list of aliases referencing this version: [" + String.join(", ", referencing) + "]");
      }
      tx.deleteVersion(arn);
      return Response.EMPTY;
    });
  }
}
